namespace Lemegeton.Cli.Commands;

/// <summary>
/// What the demo learns from its polls: PRs started and completed, the killed agent's PR handed over,
/// and whether two PRs that share files were ever seen running together.
/// </summary>
public sealed class DemoProgress(int prCount, IReadOnlyList<DemoOverlap> overlaps)
{
    private readonly Dictionary<string, string> _running = new(StringComparer.Ordinal);
    private readonly HashSet<string> _done = new(StringComparer.Ordinal);
    private readonly HashSet<DemoOverlap> _ranTogether = [];
    private readonly List<string> _recent = [];

    public int PrCount { get; } = prCount;

    public IReadOnlyList<DemoOverlap> Overlaps { get; } = overlaps;

    /// <summary>Overlapping pairs seen running at the same time (the scheduler should keep this empty).</summary>
    public IReadOnlyCollection<DemoOverlap> RanTogether => _ranTogether;

    public DemoSnapshot? Last { get; private set; }

    public DemoKill? Kill { get; private set; }

    public DemoHandOver? HandOver { get; private set; }

    /// <summary>The last few things that happened, oldest first.</summary>
    public IReadOnlyList<string> Recent => _recent;

    /// <summary>Takes in one poll; returns what changed since the previous one, one line each.</summary>
    public IReadOnlyList<string> Observe(DemoSnapshot snapshot)
    {
        var events = new List<string>();
        Last = snapshot;
        var running = snapshot.Running.ToDictionary(p => p.Id, p => p.AgentId ?? "?", StringComparer.Ordinal);
        foreach (var (id, agent) in running)
            if (!_running.TryGetValue(id, out var before) || before != agent) events.Add($"{id} started on {agent}");
        foreach (var pr in snapshot.Prs.Where(p => DemoSnapshot.IsDone(p.ColdState) && p.HotState is null))
            if (_done.Add(pr.Id)) events.Add($"{pr.Id} {pr.ColdState}");
        _running.Clear();
        foreach (var (id, agent) in running) _running[id] = agent;

        foreach (var overlap in Overlaps)
            if (running.ContainsKey(overlap.First) && running.ContainsKey(overlap.Second) && _ranTogether.Add(overlap))
                events.Add($"{overlap.First} and {overlap.Second} run together although they share {string.Join(", ", overlap.Files)}");

        if (Kill is { } kill && HandOver is null)
        {
            var pr = snapshot.Prs.FirstOrDefault(p => p.Id == kill.PrId);
            if (pr?.SessionId is { } session && session != kill.SessionId)
                HandOver = new DemoHandOver(kill.PrId, kill.AgentId, pr.AgentId, snapshot.Elapsed - kill.At);
            else if (pr is not null && pr.HotState is null && DemoSnapshot.IsDone(pr.ColdState))
                HandOver = new DemoHandOver(kill.PrId, kill.AgentId, null, snapshot.Elapsed - kill.At);
            if (HandOver is { } h)
                events.Add($"{h.PrId} handed from {h.FromAgentId} to {h.ToAgentId ?? "another agent"} {h.After.TotalSeconds:0.0} s after the kill");
        }

        Remember(events);
        return events;
    }

    /// <summary>Records the kill of an agent process mid-PR; returns the line that tells it.</summary>
    public string RecordKill(DemoKill kill)
    {
        Kill = kill;
        var line = $"killed {kill.AgentId} (pid {kill.Pid}) with SIGKILL while it worked on {kill.PrId}";
        Remember([line]);
        return line;
    }

    private void Remember(IEnumerable<string> lines)
    {
        _recent.AddRange(lines);
        if (_recent.Count > 8) _recent.RemoveRange(0, _recent.Count - 8);
    }
}
