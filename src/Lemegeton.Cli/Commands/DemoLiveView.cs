using Spectre.Console;
using Spectre.Console.Rendering;

namespace Lemegeton.Cli.Commands;

/// <summary>The demo's live display: a progress bar, the PRs with their states, the agents, the leases and recent events.</summary>
public static class DemoLiveView
{
    private const int BarWidth = 40;

    public static IRenderable Render(DemoProgress progress)
    {
        if (progress.Last is not { } s) return new Markup("[grey]waiting for the hub…[/]");
        var done = s.Completed;
        var total = Math.Max(1, s.Prs.Count);
        var filled = (int)Math.Round(BarWidth * (double)done / total);
        var bar = new Markup($"[green]{new string('█', filled)}[/][grey]{new string('░', BarWidth - filled)}[/] {done}/{s.Prs.Count} PRs completed · "
            + $"{s.Elapsed.TotalSeconds:0.0} s · mode {TerminalText.Markup(s.Status.Mode)}");

        var prs = new Table().Border(TableBorder.Rounded).Title("PRs").AddColumn("PR").AddColumn("state").AddColumn("agent");
        foreach (var pr in s.Prs)
        {
            var state = pr.HotState is { } hot ? $"[yellow]{TerminalText.Markup(hot)}[/]"
                : DemoSnapshot.IsDone(pr.ColdState) ? $"[green]{TerminalText.Markup(pr.ColdState)}[/]"
                : pr.ColdState is "broken" ? "[red]broken[/]" : $"[grey]{TerminalText.Markup(pr.ColdState)}[/]";
            prs.AddRow(TerminalText.Markup(pr.Id), state, TerminalText.Markup(pr.AgentId ?? ""));
        }

        var agents = new Table().Border(TableBorder.Rounded).Title("agents").AddColumn("agent").AddColumn("type").AddColumn("working on");
        foreach (var agent in s.Agents)
            agents.AddRow(TerminalText.Markup(agent.AgentId), TerminalText.Markup(agent.AgentType), agent.Prs.Count == 0 ? "[grey]idle[/]" : TerminalText.Markup(string.Join(", ", agent.Prs)));

        var leases = new Table().Border(TableBorder.Rounded).Title("leases").AddColumn("file").AddColumn("PR").AddColumn("agent").AddColumn("token");
        foreach (var lease in s.Leases)
            leases.AddRow(TerminalText.Markup(lease.Path), TerminalText.Markup(lease.PrId), TerminalText.Markup(lease.AgentId ?? lease.SessionId), lease.FencingToken.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var right = new Rows(agents, leases);
        var events = new Rows(progress.Recent.Select(e => (IRenderable)new Markup($"[grey]·[/] {TerminalText.Markup(e)}")).DefaultIfEmpty(new Text("")));
        return new Rows(bar, new Columns(prs, right) { Expand = false }, new Panel(events).Header("events").Border(BoxBorder.Rounded));
    }
}
