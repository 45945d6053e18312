using Akka.Actor;
using Lemegeton.Core.States;
using Lemegeton.Hub.Actors.Operator;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// The coordinator's part of the admin API (see docs/admin-api.md): agents, PRs, leases, mode, the
/// summary for <c>lemegeton status</c>, <c>why</c>, and the operator actions (kick, requeue, transition,
/// force release, pause/resume), each sent to the coordinator as an <see cref="IOperatorCommand"/> and
/// answered once the coordinator has persisted it. Register with
/// <c>services.AddHubAdminEndpoints&lt;CoordinatorAdminEndpoints&gt;()</c> next to a <see cref="HubCoordinatorRef"/>.
/// A coordinator that does not answer within 5 s gives 503 <c>coordinator-unavailable</c>.
/// </summary>
public sealed class CoordinatorAdminEndpoints(HubCoordinatorRef coordinator, HubRuntimeState runtime, ILogger<CoordinatorAdminEndpoints> logger) : IHubAdminEndpoints
{
    /// <summary>The request header naming the operator, recorded in the journal (the CLI sends <c>user@host</c>).</summary>
    public const string OperatorHeader = "X-Lemegeton-Operator";

    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private static readonly CoordinatorAdminJsonContext Json = CoordinatorAdminJsonContext.Default;

    public void Map(IEndpointRouteBuilder v1)
    {
        v1.MapGet("/coordinator", () => Answer(s => Results.Json(Summary(s), Json.CoordinatorSummary)));
        v1.MapGet("/agents", () => Answer(s => Results.Json(Agents(s), Json.IReadOnlyListAgentView)));
        v1.MapGet("/agents/{id}", (string id) => Answer(s => Agent(s, id) is { } a ? Results.Json(a, Json.AgentDetailView) : NotFound("agent-not-found", $"no agent {id} is registered")));
        v1.MapPost("/agents/{id}/kick", (string id, HttpContext http) => Operate(new KickAgent(id, By(http))));
        v1.MapGet("/prs", (string? state) => Answer(s => Results.Json(Prs(s, state), Json.IReadOnlyListPrView)));
        v1.MapGet("/prs/{id}", (string id) => Answer(s => Pr(s, id) is { } p ? Results.Json(p, Json.PrDetailView) : NotFound("pr-not-found", $"no PR {id} in the task list")));
        v1.MapGet("/prs/{id}/why", (string id) => Why(id));
        v1.MapPost("/prs/{id}/requeue", (string id, HttpContext http) => Operate(new RequeuePr(id, By(http)))).StartsWork();
        v1.MapPost("/prs/{id}/transition", async (string id, HttpContext http) =>
        {
            var body = await ReadBody(http, Json.TransitionBody).ConfigureAwait(false);
            if (body?.State is not { Length: > 0 } state) return BadRequest("a JSON body {\"state\": \"ready\", \"reason\": \"…\"} is required");
            if (body.Reason is not { Length: > 0 } reason) return BadRequest("a reason is required: it is recorded in the journal and the git commit");
            return await Operate(new TransitionPr(id, state, reason, By(http))).ConfigureAwait(false);
        });
        v1.MapGet("/leases", (string? agent) => Answer(s => agent is not null && !s.Agents.Any(a => a.AgentId == agent)
            ? NotFound("agent-not-found", $"no agent {agent} is registered")
            : Results.Json(Leases(s, agent), Json.IReadOnlyListLeaseView)));
        v1.MapPost("/leases/release", async (HttpContext http, CancellationToken _) =>
        {
            var body = await ReadBody(http, Json.LeaseReleaseBody).ConfigureAwait(false);
            if (body is null) return BadRequest("a JSON body {\"files\": [\"src/a.cs\"], \"force\": true} or {\"agent\": \"worker-1\", \"force\": true} is required");
            var files = body.Files ?? [];
            if ((files.Count == 0) == (body.Agent is null)) return BadRequest("name either files or an agent, not both and not neither");
            if (!body.Force) return BadRequest("releasing leases held by a working agent is forceful: set \"force\": true");
            return await Operate(new ForceReleaseLeases(files, body.Agent, By(http))).ConfigureAwait(false);
        });
        v1.MapPost("/scheduling/pause", (HttpContext http, CancellationToken _) => Operate(new PauseScheduling(By(http))));
        v1.MapPost("/scheduling/resume", (HttpContext http, CancellationToken _) => Operate(new ResumeScheduling(By(http)))).StartsWork();
        v1.MapGet("/mode", () => Answer(s => Results.Json(new ModeView(s.Mode, History(s)[^1].At), Json.ModeView)));
        v1.MapGet("/mode/history", () => Answer(s => Results.Json(History(s), Json.IReadOnlyListModeChange)));
    }

    /// <summary>The journaled mode switches (the latest <see cref="CoordinatorState.ModeHistoryLength"/>), oldest first; none: the mode since the hub started.</summary>
    private IReadOnlyList<ModeChange> History(CoordinatorSnapshot s) =>
        s.ModeHistory is { Count: > 0 } switches
            ? [.. switches.Select(m => new ModeChange(m.To, m.At ?? runtime.StartedAt, $"{m.Reason} ({m.Action})"))]
            : [new ModeChange(s.Mode, runtime.StartedAt, "hub started")];

    internal static CoordinatorSummary Summary(CoordinatorSnapshot s)
    {
        var byState = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var hot = s.Assignments.ToDictionary(a => a.PrId, a => a.HotState, StringComparer.Ordinal);
        foreach (var (id, cold) in s.ColdStates)
        {
            var state = hot.GetValueOrDefault(id, cold);
            byState[state] = byState.GetValueOrDefault(state) + 1;
        }
        var working = s.Assignments.Select(a => a.SessionId).Distinct(StringComparer.Ordinal).Count();
        return new CoordinatorSummary(s.Mode, s.Paused, s.Agents.Count, working, s.Assignments.Count, s.Leases.Sum(l => l.Files.Count), byState);
    }

    internal static IReadOnlyList<AgentView> Agents(CoordinatorSnapshot s) =>
        [.. s.Agents.OrderBy(a => a.AgentId, StringComparer.Ordinal).Select(a => new AgentView(a.SessionId, a.AgentId, a.AgentType, a.Capacity,
            [.. s.Assignments.Where(p => p.SessionId == a.SessionId).Select(p => p.PrId).Order(StringComparer.Ordinal)]))];

    internal static AgentDetailView? Agent(CoordinatorSnapshot s, string agentId)
    {
        var a = s.Agents.FirstOrDefault(x => x.AgentId == agentId) ?? s.Agents.FirstOrDefault(x => x.SessionId == agentId);
        if (a is null) return null;
        return new AgentDetailView(a.SessionId, a.AgentId, a.AgentType, a.Capacity,
            [.. s.Assignments.Where(p => p.SessionId == a.SessionId).Select(p => p.PrId).Order(StringComparer.Ordinal)],
            [.. s.Leases.Where(l => l.SessionId == a.SessionId).SelectMany(l => l.Files).Order(StringComparer.Ordinal)]);
    }

    internal static IReadOnlyList<PrView> Prs(CoordinatorSnapshot s, string? state = null)
    {
        var assigned = s.Assignments.ToDictionary(a => a.PrId, StringComparer.Ordinal);
        return [.. s.ColdStates.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => assigned.TryGetValue(c.Key, out var a)
            ? new PrView(c.Key, c.Value, a.HotState, a.AgentId, a.SessionId, a.FencingToken)
            : new PrView(c.Key, c.Value, null, null, null, null))
            .Where(p => state is null || string.Equals(p.HotState ?? p.ColdState, state, StringComparison.OrdinalIgnoreCase))];
    }

    internal static PrDetailView? Pr(CoordinatorSnapshot s, string id)
    {
        if (!s.ColdStates.TryGetValue(id, out var cold)) return null;
        var a = s.Assignments.FirstOrDefault(x => x.PrId == id);
        return new PrDetailView(id, cold, a?.HotState, a?.AgentId, a?.SessionId, a?.FencingToken,
            [.. s.Leases.Where(l => l.PrId == id).SelectMany(l => l.Files).Order(StringComparer.Ordinal)]);
    }

    internal static IReadOnlyList<LeaseView> Leases(CoordinatorSnapshot s, string? agent = null)
    {
        var agents = s.Agents.ToDictionary(a => a.SessionId, a => a.AgentId, StringComparer.Ordinal);
        return [.. s.Leases.SelectMany(g => g.Files.Select(f => new LeaseView(f, g.SessionId, agents.GetValueOrDefault(g.SessionId), g.PrId, g.FencingToken)))
            .Where(l => agent is null || l.AgentId == agent)
            .OrderBy(l => l.Path, StringComparer.Ordinal)];
    }

    /// <summary>Valid target names for <c>transition</c>, for messages.</summary>
    internal static string ColdStateNames => string.Join(", ", Enum.GetValues<ColdState>().Select(c => c.ToWire()));

    private static string By(HttpContext http) =>
        http.Request.Headers[OperatorHeader].FirstOrDefault() is { Length: > 0 and <= 200 } who ? who : "admin-api";

    private async Task<IResult> Why(string id)
    {
        try
        {
            var answer = await coordinator.Coordinator.Ask<ExplainPrResult>(new ExplainPr(id), AskTimeout).ConfigureAwait(false);
            return answer.Explanation is { } e ? Results.Json(e, Json.PrExplanation) : NotFound("pr-not-found", $"no PR {id} in the task list");
        }
        catch (AskTimeoutException)
        {
            return Unavailable();
        }
    }

    private async Task<IResult> Operate(IOperatorCommand command)
    {
        try
        {
            var result = await coordinator.Coordinator.Ask<OperatorResult>(command, AskTimeout).ConfigureAwait(false);
            if (result.Ok) OperatorAdminLog.Done(logger, command.By, command.GetType().Name, result.Message);
            else OperatorAdminLog.Refused(logger, command.By, command.GetType().Name, result.Message);
            if (result.Ok) return Results.Json(result, Json.OperatorResult);
            return result.NotFound
                ? NotFound("not-found", result.Message)
                : Results.Json(new HubAdminError("refused", result.Message), HubAdminJsonContext.Default.HubAdminError, statusCode: StatusCodes.Status409Conflict);
        }
        catch (AskTimeoutException)
        {
            return Unavailable();
        }
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
            return Unavailable();
        }
    }

    private static async Task<T?> ReadBody<T>(HttpContext http, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return await http.Request.ReadFromJsonAsync(type).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null; // not JSON content
        }
    }

    internal static IResult NotFound(string code, string message) =>
        Results.Json(new HubAdminError(code, message), HubAdminJsonContext.Default.HubAdminError, statusCode: StatusCodes.Status404NotFound);

    internal static IResult BadRequest(string message) =>
        Results.Json(new HubAdminError("bad-request", message), HubAdminJsonContext.Default.HubAdminError, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Unavailable() =>
        Results.Json(new HubAdminError("coordinator-unavailable", $"The coordinator did not answer within {AskTimeout.TotalSeconds:0} s."),
            HubAdminJsonContext.Default.HubAdminError, statusCode: StatusCodes.Status503ServiceUnavailable);
}
