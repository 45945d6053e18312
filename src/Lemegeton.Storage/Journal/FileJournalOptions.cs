namespace Lemegeton.Storage.Journal;

/// <summary>File journal settings (<c>lemegeton.journal.file.*</c>).</summary>
public sealed class FileJournalOptions
{
    /// <summary>Default <see cref="FsyncPolicy.Always"/>: the file journal is used when Redis is away, so it must not lose acknowledged events.</summary>
    public FsyncPolicy Fsync { get; set; } = FsyncPolicy.Always;

    /// <summary>Longest time between fsyncs with <see cref="FsyncPolicy.Batch"/>. Default 1 s.</summary>
    public TimeSpan FsyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A new segment is started once the current one exceeds this size. Default 64 MiB.</summary>
    public long SegmentMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most events per group-committed write. Default 512.</summary>
    public int MaxBatch { get; set; } = 512;
}
