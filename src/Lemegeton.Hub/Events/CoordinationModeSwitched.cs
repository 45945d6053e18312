using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>
/// The coordination mode changed (wire names: <c>distributed</c>, <c>degraded</c>, <c>isolated</c>;
/// the action as announced to agents, e.g. <c>SWITCH_TO_BRANCHES</c>). Persisted before any agent hears of it.
/// <see cref="At"/>: when (absent in events journaled before it was recorded).
/// </summary>
public sealed record CoordinationModeSwitched(string From, string To, string Action, string Reason, DateTimeOffset? At = null) : IPersistedEvent;
