namespace Lemegeton.Protocol.Coordination;

/// <summary>Hub → every agent: the coordination mode changed; no answer.</summary>
/// <param name="Mode">The new mode.</param>
/// <param name="Action">What agents do about it.</param>
public sealed record ModeAnnouncement(CoordinationMode Mode, ModeAction Action) : IHubMessage;
