using Akka.Actor;
using Lemegeton.Hub.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// <c>GET /v1/actors?path=/user</c>: the hub's actor tree (like Petabridge.Cmd's <c>actor hierarchy</c>).
/// The root is found with <see cref="ActorSelection"/>/<see cref="Identify"/>; local children are walked
/// through their cells, which give the mailbox depth (<see cref="ICell.NumberOfMessages"/>), the class, the
/// restarts counted by the parent's supervisor in its current window, and an FSM's state name. A remote
/// actor shows no depth (null). Register with <c>services.AddHubAdminEndpoints&lt;ActorTreeAdminEndpoints&gt;()</c>
/// where an <see cref="ActorSystem"/> is a service.
/// </summary>
public sealed class ActorTreeAdminEndpoints(IServiceProvider services) : IHubAdminEndpoints
{
    // Resolved per request: taking the ActorSystem in the constructor would build it (and start the journal and
    // the embedded Redis) while the endpoints are mapped, before the host starts.
    private ActorSystem ActorSystem => services.GetRequiredService<ActorSystem>();

    private const int MaxNodes = 5000;
    private static readonly TimeSpan IdentifyTimeout = TimeSpan.FromSeconds(3);

    public void Map(IEndpointRouteBuilder v1) => v1.MapGet("/actors", async (string? path) =>
    {
        var root = string.IsNullOrWhiteSpace(path) ? "/user" : path.Trim();
        if (!root.StartsWith('/')) root = "/user/" + root;
        IActorRef actor;
        try
        {
            actor = await ActorSystem.ActorSelection(root).ResolveOne(IdentifyTimeout).ConfigureAwait(false);
        }
        catch (ActorNotFoundException)
        {
            return CoordinatorAdminEndpoints.NotFound("actor-not-found", $"no actor at {root}");
        }
        var budget = MaxNodes;
        return Results.Json(Describe(actor, null, ref budget), CoordinatorAdminJsonContext.Default.ActorNodeView);
    });

    /// <summary>Describes <paramref name="actor"/> and its descendants (at most <see cref="MaxNodes"/> in all).</summary>
    public static ActorNodeView Describe(IActorRef actor, ICell? parent, ref int budget)
    {
        budget--;
        var path = actor.Path.ToStringWithoutAddress();
        if (actor is not ActorRefWithCell withCell) return new ActorNodeView(path, actor.Path.Name, null, null, null, null, []);
        var cell = withCell.Underlying;
        var children = new List<ActorNodeView>();
        foreach (var child in withCell.Children.OrderBy(c => c.Path.Name, StringComparer.Ordinal))
        {
            if (budget <= 0) break;
            children.Add(Describe(child, cell, ref budget));
        }
        long? restarts = parent is not null && parent.ChildrenContainer.TryGetByRef(actor, out var stats) ? stats.MaxNrOfRetriesCount : null;
        var actorObject = cell is ActorCell ? ActorOfCell.GetValue(cell) as ActorBase : null;
        return new ActorNodeView(path, actor.Path.Name, cell.Props?.Type?.Name, cell.NumberOfMessages, restarts, FsmState(actorObject), children);
    }

    // ActorCell.Actor is not public; read-only use, for the FSM state name.
    private static readonly System.Reflection.PropertyInfo ActorOfCell =
        typeof(ActorCell).GetProperty("Actor", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)!;

    private static string? FsmState(ActorBase? actor)
    {
        for (var t = actor?.GetType(); t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(FSM<,>))
                return t.GetProperty("StateName")?.GetValue(actor)?.ToString();
        return null;
    }
}
