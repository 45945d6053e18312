namespace Lemegeton.Protocol.Queries;

/// <summary>One reason of a <see cref="PrExplained"/>: a stable code, a sentence, and the particulars it names.</summary>
/// <param name="Code">
/// <c>running</c>, <c>done</c>, <c>paused</c>, <c>no-agents</c>, <c>dependency-pending</c>,
/// <c>dependency-unknown</c>, <c>dependency-cycle</c>, <c>blocked</c>, <c>file-conflict</c>,
/// <c>no-agent-of-type</c>, <c>no-idle-agent</c>, <c>complexity-too-high</c>, <c>parallel-limit</c>,
/// <c>starts-next</c>; a receiver shows <see cref="Text"/> for a code it does not know.
/// </param>
/// <param name="Text">The reason in words.</param>
/// <param name="PrId">The other PR involved (a dependency, a conflicting PR).</param>
/// <param name="State">That PR's state (cold or hot, wire name).</param>
/// <param name="Path">This PR's file that conflicts.</param>
/// <param name="HeldPath">The held path it overlaps.</param>
/// <param name="AgentId">The agent involved (running it, holding the files, or that would take it).</param>
public sealed record ExplainedReason(
    string Code,
    string Text,
    string? PrId = null,
    string? State = null,
    string? Path = null,
    string? HeldPath = null,
    string? AgentId = null);
