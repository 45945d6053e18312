using Lemegeton.Core.States;

namespace Lemegeton.Storage.Git;

/// <summary>A PR reaching a cold state: what the commit records.</summary>
public sealed record ColdTransition(string PrId, PrState From, ColdState To, string? AgentId = null, string? Reason = null, long? FencingToken = null)
{
    /// <summary>
    /// <c>PR-005: in-progress → completed</c>, a blank line, then agent, reason and fencing token
    /// (each only when known).
    /// </summary>
    public string CommitMessage()
    {
        var lines = new List<string> { $"{PrId}: {From} → {To.ToWire()}", "" };
        if (AgentId is not null) lines.Add($"Agent: {AgentId}");
        if (Reason is not null) lines.Add($"Reason: {Reason}");
        if (FencingToken is { } token) lines.Add($"Fencing-Token: {token}");
        if (lines.Count == 2) lines.RemoveAt(1);
        return string.Join('\n', lines) + "\n";
    }
}
