namespace Lemegeton.Hub.Actors;

/// <summary>One entry of <c>GET /v1/mode/history</c>.</summary>
public sealed record ModeChange(string Mode, DateTimeOffset At, string Reason);
