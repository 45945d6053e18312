using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>Files (normalized lease paths) leased to a session for one PR, under the assignment's fencing token.</summary>
public sealed record LeaseGranted(string SessionId, string PrId, IReadOnlyList<string> Files, long FencingToken) : IPersistedEvent;
