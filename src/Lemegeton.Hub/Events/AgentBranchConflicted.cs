using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>
/// After degraded mode, the agent branch <see cref="Branch"/> of <see cref="PrId"/> could not be merged
/// (conflicting <see cref="Files"/>, or <see cref="Reason"/>); it stays as it is, unmerged, for a person
/// to resolve. A PR already <c>completed</c> or <c>approved</c> also goes to <c>broken</c> (its work is not
/// on the working branch).
/// </summary>
public sealed record AgentBranchConflicted(string PrId, string Branch, IReadOnlyList<string> Files, string Reason) : IPersistedEvent;
