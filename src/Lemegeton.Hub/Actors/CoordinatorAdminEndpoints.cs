using Akka.Actor;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// <c>GET /v1/agents</c>, <c>/v1/prs</c>, <c>/v1/leases</c>: the coordinator's hot state, asked with
/// <see cref="GetCoordinatorState"/>. Register with <c>services.AddHubAdminEndpoints&lt;CoordinatorAdminEndpoints&gt;()</c>
/// next to a <see cref="HubCoordinatorRef"/>. A coordinator that does not answer within 5 s gives 503.
/// </summary>
public sealed class CoordinatorAdminEndpoints(HubCoordinatorRef coordinator) : IHubAdminEndpoints
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public void Map(IEndpointRouteBuilder v1)
    {
        v1.MapGet("/agents", () => Answer(s => Results.Json(Agents(s), CoordinatorAdminJsonContext.Default.IReadOnlyListAgentView)));
        v1.MapGet("/prs", () => Answer(s => Results.Json(Prs(s), CoordinatorAdminJsonContext.Default.IReadOnlyListPrView)));
        v1.MapGet("/leases", () => Answer(s => Results.Json(Leases(s), CoordinatorAdminJsonContext.Default.IReadOnlyListLeaseView)));
    }

    internal static IReadOnlyList<AgentView> Agents(CoordinatorSnapshot s) =>
        [.. s.Agents.OrderBy(a => a.AgentId, StringComparer.Ordinal).Select(a => new AgentView(a.SessionId, a.AgentId, a.AgentType, a.Capacity,
            [.. s.Assignments.Where(p => p.SessionId == a.SessionId).Select(p => p.PrId).Order(StringComparer.Ordinal)]))];

    internal static IReadOnlyList<PrView> Prs(CoordinatorSnapshot s)
    {
        var assigned = s.Assignments.ToDictionary(a => a.PrId, StringComparer.Ordinal);
        return [.. s.ColdStates.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => assigned.TryGetValue(c.Key, out var a)
            ? new PrView(c.Key, c.Value, a.HotState, a.AgentId, a.SessionId, a.FencingToken)
            : new PrView(c.Key, c.Value, null, null, null, null))];
    }

    internal static IReadOnlyList<LeaseView> Leases(CoordinatorSnapshot s)
    {
        var agents = s.Agents.ToDictionary(a => a.SessionId, a => a.AgentId, StringComparer.Ordinal);
        return [.. s.Leases.SelectMany(g => g.Files.Select(f => new LeaseView(f, g.SessionId, agents.GetValueOrDefault(g.SessionId), g.PrId, g.FencingToken)))
            .OrderBy(l => l.Path, StringComparer.Ordinal)];
    }

    private async Task<IResult> Answer(Func<CoordinatorSnapshot, IResult> render)
    {
        try
        {
            var state = await coordinator.Coordinator.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, AskTimeout).ConfigureAwait(false);
            return render(state);
        }
        catch (AskTimeoutException)
        {
            return Results.Json(new HubAdminError("coordinator-unavailable", $"The coordinator did not answer within {AskTimeout.TotalSeconds:0} s."),
                HubAdminJsonContext.Default.HubAdminError, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
