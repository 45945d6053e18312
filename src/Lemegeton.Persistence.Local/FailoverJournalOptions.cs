namespace Lemegeton.Persistence.Local;

/// <summary>Settings of <see cref="FailoverJournalStore"/> (the <c>lemegeton-failover</c> plugin's HOCON section).</summary>
public sealed class FailoverJournalOptions
{
    /// <summary>A primary write that has not completed after this long fails over to the local store. Default 2 s.</summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for the primary's replay or highest sequence number (recovery fails after it). Default 10 s.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the store tries to catch the primary up while entries wait locally. Default 5 s.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most entries copied to the primary in one write during catch-up. Default 500.</summary>
    public int CatchUpBatch { get; set; } = 500;
}
