namespace Lemegeton.Protocol.Serialization;

/// <summary>
/// Marker of an event the hub journals (<c>AgentRegistered</c>, <c>PrAssigned</c>, <c>LeaseGranted</c>, …).
/// Bound to the Lemegeton serializer like <see cref="IProtocolMessage"/>, so journals store a stable
/// manifest instead of a CLR type name; each event type must be added to a <see cref="MessageRegistry"/>
/// passed to the serializer.
/// </summary>
public interface IPersistedEvent;
