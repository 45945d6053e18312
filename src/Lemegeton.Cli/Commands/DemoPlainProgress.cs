using System.Globalization;

namespace Lemegeton.Cli.Commands;

/// <summary>The demo's progress as plain lines, for a log or CI instead of the live table.</summary>
public static class DemoPlainProgress
{
    /// <summary>One line: elapsed time, PRs completed, the PRs running and on which agent, agents, leases and mode.</summary>
    public static string Format(DemoSnapshot snapshot)
    {
        var running = snapshot.Running.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => $"{p.Id} {p.AgentId ?? "?"}").ToList();
        var runningText = running.Count == 0 ? "0 running" : $"{running.Count} running ({string.Join(", ", running)})";
        return TerminalText.Escape(string.Create(CultureInfo.InvariantCulture,
            $"[{snapshot.Elapsed.TotalSeconds,6:0.0}s] {snapshot.Completed}/{snapshot.Prs.Count} PRs completed, {runningText}, "
            + $"{snapshot.Agents.Count} agents, {snapshot.Leases.Count} leases, mode {snapshot.Status.Mode}"));
    }

    /// <summary>A key that changes when the line would say something new (elapsed time aside).</summary>
    public static string ChangeKey(DemoSnapshot snapshot) => Format(snapshot with { Elapsed = TimeSpan.Zero });
}
