namespace Lemegeton.Storage.Journal;

/// <summary>Redis journal settings (<c>lemegeton.journal.redis.*</c>).</summary>
public sealed class RedisJournalOptions
{
    /// <summary>Most events written in one group-committed round trip. Default 512.</summary>
    public int MaxBatch { get; set; } = 512;

    /// <summary>Events read per XRANGE page during replay. Default 1000.</summary>
    public int ReadPageSize { get; set; } = 1000;
}
