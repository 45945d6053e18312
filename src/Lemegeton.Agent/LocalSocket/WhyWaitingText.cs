using System.Text;
using Lemegeton.Protocol.Queries;

namespace Lemegeton.Agent.LocalSocket;

/// <summary>The hub's <see cref="PrExplained"/> in words, as <c>why-waiting</c> answers it (the layout of <c>lemegeton prs why</c>).</summary>
public static class WhyWaitingText
{
    /// <summary>
    /// A first line with the PR and its state, then one line per reason, e.g.
    /// <c>PR-004 (new) is not running:\n  - waiting for dependency PR-001 (in-progress, worker-1 is on it); it must be completed first</c>.
    /// </summary>
    public static string Format(PrExplained explained)
    {
        ArgumentNullException.ThrowIfNull(explained);
        var sb = new StringBuilder();
        sb.Append(explained.Running
            ? $"{explained.PrId} is running ({explained.HotState ?? explained.ColdState}{(explained.AgentId is null ? "" : $", on {explained.AgentId}")}):"
            : $"{explained.PrId} ({explained.ColdState}) is not running:");
        foreach (var reason in explained.Reasons) sb.Append("\n  - ").Append(reason.Text);
        return sb.ToString();
    }
}
