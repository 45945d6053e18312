using Lemegeton.Persistence.Local;

namespace Lemegeton.Storage.Journal;

/// <summary>Journal-wide settings (<c>lemegeton.journal.*</c>).</summary>
public sealed class JournalOptions
{
    /// <summary>Events between two snapshots of the hot state. Default 1000.</summary>
    public int SnapshotEvery { get; set; } = 1000;

    /// <summary>The local journal (<c>lemegeton.journal.file.*</c>): the <c>lemegeton-local</c> plugin and the failover plugin's local store.</summary>
    public LocalJournalOptions File { get; set; } = new();
}
