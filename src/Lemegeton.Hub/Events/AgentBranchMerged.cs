using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>After degraded mode, the agent branch <see cref="Branch"/> of <see cref="PrId"/> was merged into the working branch (<c>--no-ff</c>) as <see cref="Commit"/>.</summary>
public sealed record AgentBranchMerged(string PrId, string Branch, string Commit) : IPersistedEvent;
