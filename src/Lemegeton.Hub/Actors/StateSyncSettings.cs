namespace Lemegeton.Hub.Actors;

/// <summary>Retries of the state-sync actor's git work.</summary>
public sealed record StateSyncSettings
{
    /// <summary>Attempts per job (commit, reconciliation, merge-back) before it is reported failed. Default 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait before the first retry; doubled each time. Default 200 ms.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait between retries. Default 10 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(10);
}
