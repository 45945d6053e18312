namespace Lemegeton.Storage.Journal;

/// <summary>Journal-wide settings (<c>lemegeton.journal.*</c>); the stores have their own sections.</summary>
public sealed class JournalOptions
{
    /// <summary>Events between two snapshots of the hot state. Default 1000.</summary>
    public int SnapshotEvery { get; set; } = 1000;

    /// <summary>The Redis stream journal (<c>lemegeton.journal.redis.*</c>).</summary>
    public RedisJournalOptions Redis { get; set; } = new();

    /// <summary>The local file journal (<c>lemegeton.journal.file.*</c>).</summary>
    public FileJournalOptions File { get; set; } = new();
}
