namespace Lemegeton.Gateway.Dashboard;

/// <summary>One coordination-mode change (State.mode.history).</summary>
internal sealed record ModeChange(string From, string To, string? Reason, long Ts);
