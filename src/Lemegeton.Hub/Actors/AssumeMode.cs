using Lemegeton.Protocol.Coordination;

namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → mode FSM (when it starts or restarts): the mode the journal holds; taken without an announcement.</summary>
public sealed record AssumeMode(CoordinationMode Mode);
