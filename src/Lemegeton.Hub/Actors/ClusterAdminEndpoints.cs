using Akka.Actor;
using Akka.Cluster;
using Lemegeton.Hub.Admin;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// <c>GET /v1/cluster</c> (members with roles, status, reachability, the leader, and the node holding the
/// coordinator singleton: the oldest Up member with role <c>hub</c>, as the singleton manager chooses),
/// <c>POST /v1/cluster/leave</c> and <c>POST /v1/cluster/down</c> with <c>{"address": "akka.tcp://…"}</c>.
/// Register with <c>services.AddHubAdminEndpoints&lt;ClusterAdminEndpoints&gt;()</c> where an <see cref="ActorSystem"/> is a service.
/// </summary>
public sealed class ClusterAdminEndpoints(IServiceProvider services) : IHubAdminEndpoints
{
    // Resolved per request: taking the ActorSystem in the constructor would build it (and start the journal and
    // the embedded Redis) while the endpoints are mapped, before the host starts.
    private ActorSystem ActorSystem => services.GetRequiredService<ActorSystem>();

    /// <summary>The role of the nodes that may hold the coordinator singleton.</summary>
    public const string HubRole = "hub";

    public void Map(IEndpointRouteBuilder v1)
    {
        v1.MapGet("/cluster", () => Results.Json(View(Cluster.Get(ActorSystem)), CoordinatorAdminJsonContext.Default.ClusterView));
        v1.MapPost("/cluster/leave", (HttpContext http, CancellationToken _) => Act(http, "leave", (c, a) => c.Leave(a)));
        v1.MapPost("/cluster/down", (HttpContext http, CancellationToken _) => Act(http, "down", (c, a) => c.Down(a)));
    }

    public static ClusterView View(Cluster cluster)
    {
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var holder = state.Members.Where(m => m.Status == MemberStatus.Up && m.HasRole(HubRole))
            .OrderBy(m => m, Member.AgeOrdering).FirstOrDefault()?.Address;
        var members = state.Members.Concat(state.Unreachable.Where(u => !state.Members.Contains(u)))
            .OrderBy(m => m.Address.ToString(), StringComparer.Ordinal)
            .Select(m => new ClusterMemberView(m.Address.ToString(), [.. m.Roles.Order(StringComparer.Ordinal)], m.Status.ToString(),
                !unreachable.Contains(m.Address), m.Address == cluster.SelfAddress, m.Address == state.Leader, m.Address == holder))
            .ToList();
        return new ClusterView(cluster.SelfAddress.ToString(), state.Leader?.ToString(), holder?.ToString(), members);
    }

    private async Task<IResult> Act(HttpContext http, string verb, Action<Cluster, Address> act)
    {
        ClusterAddressBody? body;
        try { body = await http.Request.ReadFromJsonAsync(CoordinatorAdminJsonContext.Default.ClusterAddressBody).ConfigureAwait(false); }
        catch (System.Text.Json.JsonException) { body = null; }
        catch (InvalidOperationException) { body = null; }
        if (body?.Address is not { Length: > 0 } text) return CoordinatorAdminEndpoints.BadRequest("a JSON body {\"address\": \"akka.tcp://lemegeton@host:port\"} is required");
        Address address;
        try { address = Address.Parse(text); }
        catch (UriFormatException) { return CoordinatorAdminEndpoints.BadRequest($"'{text}' is not a cluster address (akka.tcp://lemegeton@host:port)"); }
        catch (ArgumentException) { return CoordinatorAdminEndpoints.BadRequest($"'{text}' is not a cluster address (akka.tcp://lemegeton@host:port)"); }
        var cluster = Cluster.Get(ActorSystem);
        var state = cluster.State;
        if (!state.Members.Any(m => m.Address == address) && !state.Unreachable.Any(m => m.Address == address))
            return CoordinatorAdminEndpoints.NotFound("member-not-found", $"{text} is not a member of the cluster");
        act(cluster, address);
        return Results.Json(new Operator.OperatorResult(true, $"{verb} requested for {address}"), CoordinatorAdminJsonContext.Default.OperatorResult);
    }
}
