using System.ComponentModel;
using System.Text;
using Lemegeton.Agent.LocalSocket;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Lemegeton.Agent.Mcp;

/// <summary>
/// The tools of <c>lemegeton mcp</c>. Each one is a request on the agent's local socket
/// (<c>LEMEGETON_AGENT_SOCKET</c>); with no agent around every tool answers, as an error result, that
/// no agent is reachable and why, so the coding tool can tell its user instead of guessing.
/// </summary>
[McpServerToolType]
public sealed class AgentMcpTools
{
    private readonly AgentMcpLink _link;

    public AgentMcpTools(AgentMcpLink link) => _link = link;

    [McpServerTool(Name = "current_pr", ReadOnly = true), Description("The PR this agent works on: id, title, kind, the files leased for it, acceptance criteria, fencing token, branch, and the PR's Markdown body.")]
    public Task<CallToolResult> CurrentPr(CancellationToken cancellation = default) =>
        CallAsync(new LocalRequest(LocalOps.CurrentPr), r => Describe(r.Pr!), cancellation);

    [McpServerTool(Name = "acquire_files"), Description("Lease files beyond the PR's own before editing them (all or nothing). Refused when another agent holds one: the answer names the file, the agent and its PR.")]
    public Task<CallToolResult> AcquireFiles([Description("Repository-relative paths; a trailing / leases a folder.")] string[] files, CancellationToken cancellation = default) =>
        CallAsync(new LocalRequest(LocalOps.AcquireLeases, Files: files), r => $"Leased {string.Join(", ", r.Files ?? [])} (fencing token {r.FencingToken}).", cancellation);

    [McpServerTool(Name = "release_files"), Description("Release leased files you no longer need; no files: release all of this agent's leases.")]
    public Task<CallToolResult> ReleaseFiles([Description("Paths to release; empty or absent: all.")] string[]? files = null, CancellationToken cancellation = default) =>
        CallAsync(new LocalRequest(LocalOps.ReleaseLeases, Files: files), _ => "Released.", cancellation);

    [McpServerTool(Name = "report_progress"), Description("Tell the hub how far the PR is (shown on the dashboard).")]
    public Task<CallToolResult> ReportProgress([Description("0 to 100.")] int percent, [Description("What is happening now.")] string? message = null, CancellationToken cancellation = default) =>
        CallAsync(new LocalRequest(LocalOps.Progress, Percent: percent, Message: message), _ => $"Progress {percent}% reported.", cancellation);

    [McpServerTool(Name = "complete"), Description("Declare the PR done. It is reported to the hub when your command exits with code 0 (with the new commit if HEAD moved). Commit your work first.")]
    public Task<CallToolResult> Complete([Description("What was done, one or two sentences.")] string summary, [Description("The commit holding the work, if not HEAD.")] string? commit = null, CancellationToken cancellation = default) =>
        CallAsync(new LocalRequest(LocalOps.Complete, Message: summary, Commit: commit), r => r.Text ?? "Recorded.", cancellation);

    [McpServerTool(Name = "fail"), Description("Declare the PR failed, with the reason; it is reported when your command exits. The hub retries it up to its attempt limit, then marks it broken.")]
    public Task<CallToolResult> Fail([Description("Why the PR could not be done.")] string reason, CancellationToken cancellation = default) =>
        CallAsync(new LocalRequest(LocalOps.Fail, Message: reason), r => r.Text ?? "Recorded.", cancellation);

    [McpServerTool(Name = "why_waiting", ReadOnly = true), Description("Why a PR is not being worked on, as the hub sees it now: unmet dependencies (with their states and who works on them), file conflicts (naming the PR, agent and file), no free or capable agent, paused scheduling, or who already runs it.")]
    public Task<CallToolResult> WhyWaiting([Description("The PR asked about, e.g. PR-007.")] string prId, CancellationToken cancellation = default) =>
        CallAsync(new LocalRequest(LocalOps.WhyWaiting, PrId: prId), r => r.Text ?? "", cancellation);

    private async Task<CallToolResult> CallAsync(LocalRequest request, Func<LocalReply, string> describe, CancellationToken cancellation = default)
    {
        LocalReply reply;
        try
        {
            reply = await _link.SendAsync(request, cancellation).ConfigureAwait(false);
        }
        catch (AgentUnreachableException e)
        {
            return Result(true, $"No Lemegeton agent is reachable: {e.Message}");
        }
        return reply.Ok ? Result(false, describe(reply)) : Result(true, reply.Error ?? reply.Code ?? "refused");
    }

    private static CallToolResult Result(bool error, string text) => new() { IsError = error, Content = [new TextContentBlock { Text = text }] };

    private static string Describe(LocalPrInfo pr)
    {
        var sb = new StringBuilder();
        sb.Append(pr.PrId).Append(": ").Append(pr.Title).Append('\n');
        sb.Append("kind: ").Append(pr.Kind).Append("; fencing token: ").Append(pr.FencingToken);
        if (pr.Branch is not null) sb.Append("; branch: ").Append(pr.Branch);
        sb.Append("\nfiles: ").Append(pr.Files.Count == 0 ? "(none)" : string.Join(", ", pr.Files));
        sb.Append("\nacceptance criteria:\n");
        foreach (var c in pr.AcceptanceCriteria) sb.Append("- ").Append(c).Append('\n');
        sb.Append("PR file: ").Append(pr.PrFile).Append("\n\n").Append(pr.Body);
        return sb.ToString();
    }
}
