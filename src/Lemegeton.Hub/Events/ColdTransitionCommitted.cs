using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>
/// The cold transition numbered <see cref="TransitionId"/> (the n-th <see cref="PrTransitioned"/> of the
/// journal) is in git: committed as <see cref="Commit"/>, or already recorded there (null). A transition
/// without this marker after a crash is committed again on start.
/// </summary>
public sealed record ColdTransitionCommitted(long TransitionId, string PrId, string? Commit) : IPersistedEvent;
