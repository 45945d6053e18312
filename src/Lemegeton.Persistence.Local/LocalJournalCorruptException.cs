namespace Lemegeton.Persistence.Local;

/// <summary>A line that passed its checks at open no longer does when read back: the file changed under the journal.</summary>
public sealed class LocalJournalCorruptException(string path, long offset, string reason)
    : IOException($"Journal segment {path} at byte {offset}: {reason}.")
{
    public string SegmentPath { get; } = path;

    public long Offset { get; } = offset;
}
