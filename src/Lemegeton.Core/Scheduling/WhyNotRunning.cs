using Lemegeton.Core.Leases;
using Lemegeton.Core.States;

namespace Lemegeton.Core.Scheduling;

/// <summary>
/// Explains in words why one PR is not running (<c>lemegeton prs why</c>). Unlike a scheduling decision,
/// which records only the first check a waiting PR fails, this lists every obstacle: all unmet
/// dependencies with their states, every running PR and lease its files overlap (with the files),
/// the missing or busy agents, and a paused scheduler. Then it asks the scheduler itself (for the
/// parallel cap and complexity limits) and says when the PR would start at the next round.
/// </summary>
public static class WhyNotRunning
{
    /// <summary>
    /// The explanation for <paramref name="prId"/>, or null when the task list has no such PR.
    /// Agent ids in <paramref name="snapshot"/> are shown as they are: pass agent ids, not session ids.
    /// </summary>
    /// <param name="scheduler">The hub's scheduler (its index and options); asked for one decision.</param>
    /// <param name="snapshot">The hub's state now.</param>
    /// <param name="prId">The PR.</param>
    /// <param name="paused">True when an operator paused scheduling.</param>
    public static PrExplanation? Explain(PrScheduler scheduler, SchedulingSnapshot snapshot, string prId, bool paused)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(snapshot);
        var index = scheduler.Index;
        if (!index.TryGetOrdinal(prId, out var ordinal)) return null;
        var cold = ColdOf(index, snapshot, ordinal);

        var running = snapshot.Running.FirstOrDefault(r => r.PrId == prId);
        if (running is not null)
        {
            return new PrExplanation(prId, cold.ToWire(), running.HotState.ToWire(), running.AgentId, true,
                [new WhyReason("running", $"already running: {running.AgentId} is working on it ({running.HotState.ToWire()})", AgentId: running.AgentId, State: running.HotState.ToWire())]);
        }

        var reasons = new List<WhyReason>();
        if (cold == ColdState.Approved)
        {
            reasons.Add(new WhyReason("done", "approved: the PR is done, nothing is left to run"));
            return new PrExplanation(prId, cold.ToWire(), null, null, false, reasons);
        }

        if (paused) reasons.Add(new WhyReason("paused", "scheduling is paused by an operator; resume it with 'lemegeton scheduling resume'"));
        if (snapshot.Agents.Count == 0) reasons.Add(new WhyReason("no-agents", "no agent is registered with the hub"));

        var dependenciesOk = true;
        if (index.CycleDetail[ordinal] is { } cycle)
        {
            dependenciesOk = false;
            reasons.Add(new WhyReason("dependency-cycle", $"in a dependency cycle ({cycle}); remove one of the dependencies"));
        }
        if (cold != ColdState.Completed)
        {
            foreach (var dep in index.Prs[ordinal].Dependencies)
            {
                if (!index.TryGetOrdinal(dep, out var d))
                {
                    dependenciesOk = false;
                    reasons.Add(new WhyReason("dependency-unknown", $"depends on {dep}, which is not in the task list; fix or remove the dependency", PrId: dep));
                    continue;
                }
                var depCold = ColdOf(index, snapshot, d);
                if (depCold.IsDone()) continue;
                dependenciesOk = false;
                var depRun = snapshot.Running.FirstOrDefault(r => r.PrId == dep);
                var state = depRun is null ? depCold.ToWire() : depRun.HotState.ToWire();
                var who = depRun is null ? "" : $", {depRun.AgentId} is on it";
                reasons.Add(new WhyReason("dependency-pending", $"waiting for dependency {dep} ({state}{who}); it must be completed first", PrId: dep, State: state, AgentId: depRun?.AgentId));
            }
            if (dependenciesOk && cold == ColdState.Blocked)
                reasons.Add(new WhyReason("blocked", "blocked although every dependency is done; move it to ready with 'lemegeton prs transition'"));
        }

        foreach (var conflict in Conflicts(index, snapshot, prId)) reasons.Add(conflict);

        var work = WorkFor(cold, snapshot);
        if (work.Length > 0)
        {
            var capable = snapshot.Agents.Where(a => AgentTypes.WorkOf(a.Type) is { } k && work.Contains(k)).ToList();
            var types = string.Join(" or ", work.Select(TypeName));
            if (snapshot.Agents.Count > 0 && capable.Count == 0)
                reasons.Add(new WhyReason("no-agent-of-type", $"no {types} agent is registered (a {cold.ToWire()} PR needs one)"));
            else if (capable.Count > 0 && !capable.Any(a => a.IsIdle))
                reasons.Add(new WhyReason("no-idle-agent", $"every {types} agent is busy ({string.Join(", ", capable.Select(a => a.Id))})"));
        }

        // The scheduler's own verdict catches what the checks above do not model (parallel cap, complexity, strategy).
        if (snapshot.Agents.Count > 0)
        {
            var decision = scheduler.Decide(snapshot);
            if (decision.Assignments.FirstOrDefault(a => a.PrId == prId) is { } start)
            {
                if (!paused) reasons.Add(new WhyReason("starts-next", $"nothing stops it: it starts at the next scheduling round on {start.AgentId}", AgentId: start.AgentId));
            }
            else if (decision.Waiting.FirstOrDefault(w => w.PrId == prId) is { PrId: not null } wait && reasons.Count == (paused ? 1 : 0))
            {
                var r = wait.Reason;
                var code = r.Kind switch
                {
                    WaitKind.ParallelLimit => "parallel-limit",
                    WaitKind.ComplexityTooHigh => "complexity-too-high",
                    WaitKind.NoIdleAgent => "no-idle-agent",
                    WaitKind.NoAgentOfType => "no-agent-of-type",
                    WaitKind.FileConflict => "file-conflict",
                    WaitKind.Blocked => "blocked",
                    _ => "dependency-pending",
                };
                reasons.Add(new WhyReason(code, r.Text, PrId: r.OtherPrId, Path: r.Path, HeldPath: r.HeldPath, AgentId: r.AgentId));
            }
        }

        if (reasons.Count == 0) reasons.Add(new WhyReason("starts-next", "nothing stops it: it starts at the next scheduling round"));
        return new PrExplanation(prId, cold.ToWire(), null, null, false, reasons);
    }

    private static ColdState ColdOf(SchedulingIndex index, SchedulingSnapshot snapshot, int ordinal) =>
        snapshot.ColdStates.TryGetValue(index.Ids[ordinal], out var c) ? c : index.BaseCold[ordinal];

    private static IEnumerable<WhyReason> Conflicts(SchedulingIndex index, SchedulingSnapshot snapshot, string prId)
    {
        var files = index.FilesOf(prId);
        var seen = new HashSet<(string?, string)>();
        foreach (var other in snapshot.Running)
        {
            if (other.PrId == prId) continue;
            foreach (var held in index.FilesOf(other.PrId))
                foreach (var path in files)
                    if (LeasePaths.Overlaps(path, held) && seen.Add((other.PrId, path)))
                        yield return new WhyReason("file-conflict",
                            $"conflicts with {other.PrId} (running on {other.AgentId}) on {path}{(held == path ? "" : $" (held: {held})")}",
                            PrId: other.PrId, State: other.HotState.ToWire(), Path: path, HeldPath: held, AgentId: other.AgentId);
        }
        foreach (var lease in snapshot.Leases)
        {
            if (lease.PrId == prId) continue;
            foreach (var path in files)
                if (LeasePaths.Overlaps(path, lease.Path) && seen.Add((lease.PrId, path)))
                    yield return new WhyReason("file-conflict",
                        $"conflicts with a lease held by {lease.AgentId}{(lease.PrId is null ? "" : $" for {lease.PrId}")} on {path}{(lease.Path == path ? "" : $" (held: {lease.Path})")}",
                        PrId: lease.PrId, Path: path, HeldPath: lease.Path, AgentId: lease.AgentId);
        }
    }

    /// <summary>The kinds of work that may take a PR in this cold state (the scheduler's rule).</summary>
    private static WorkKind[] WorkFor(ColdState cold, SchedulingSnapshot snapshot) => cold switch
    {
        ColdState.Completed => [WorkKind.QualityCheck, WorkKind.Review],
        ColdState.Planned => [WorkKind.Implementation],
        ColdState.Ready => snapshot.Agents.Any(a => AgentTypes.WorkOf(a.Type) == WorkKind.Planning) ? [WorkKind.Planning] : [WorkKind.Implementation],
        ColdState.Blocked or ColdState.Approved => [],
        _ => [WorkKind.Planning],
    };

    private static string TypeName(WorkKind kind) => kind switch
    {
        WorkKind.Planning => AgentTypes.Planning,
        WorkKind.QualityCheck => AgentTypes.Qc,
        WorkKind.Review => AgentTypes.Review,
        _ => AgentTypes.Worker,
    };
}
