namespace Lemegeton.Hub.Actors;

/// <summary><c>GET /v1/mode</c>: the coordination mode and since when.</summary>
public sealed record ModeView(string Mode, DateTimeOffset Since);
