namespace Lemegeton.Persistence.Local;

/// <summary>
/// Settings of the local file journal (<c>lemegeton.journal.file.*</c> in the product
/// configuration; <c>fsync</c>, <c>fsync-interval</c>, <c>segment-max-bytes</c> and <c>max-batch</c>
/// in the plugin's HOCON section).
/// </summary>
public sealed class LocalJournalOptions
{
    /// <summary>Default <see cref="FsyncPolicy.Always"/>: an event is acknowledged only once it is on disk.</summary>
    public FsyncPolicy Fsync { get; set; } = FsyncPolicy.Always;

    /// <summary>Longest time between fsyncs with <see cref="FsyncPolicy.Batch"/>. Default 1 s.</summary>
    public TimeSpan FsyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A new segment is started once the current one exceeds this size. Default 64 MiB.</summary>
    public long SegmentMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most write requests group-committed (written and fsynced) together. Default 512.</summary>
    public int MaxBatch { get; set; } = 512;
}
