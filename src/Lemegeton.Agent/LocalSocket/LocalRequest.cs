namespace Lemegeton.Agent.LocalSocket;

/// <summary>
/// A request on the agent's local socket (one JSON object per line). <c>op</c> is one of
/// <see cref="LocalOps"/>; the other fields belong to that operation.
/// </summary>
/// <param name="Op">What to do.</param>
/// <param name="Files">lease.acquire / lease.release: repository-relative paths (release: none means all).</param>
/// <param name="Percent">progress: 0–100.</param>
/// <param name="Message">progress: what is happening; complete: the summary; fail: the reason.</param>
/// <param name="PrId">why-waiting: the PR asked about.</param>
/// <param name="Commit">complete: the commit holding the work, when the caller knows better than HEAD.</param>
public sealed record LocalRequest(
    string Op,
    IReadOnlyList<string>? Files = null,
    int? Percent = null,
    string? Message = null,
    string? PrId = null,
    string? Commit = null);
