using Lemegeton.Protocol.Coordination;

namespace Lemegeton.Hub.Actors;

/// <summary>Mode FSM → coordinator: switch from <see cref="From"/> to <see cref="To"/> (persist, then announce <see cref="Action"/> to every agent).</summary>
public sealed record ModeSwitchDecided(CoordinationMode From, CoordinationMode To, ModeAction Action, string Reason);
