namespace Lemegeton.Storage.Journal;

/// <summary>
/// A written event with its sequence number. <see cref="Origin"/> is set on events replayed from
/// a file journal into Redis (<c>{file-journal-id}/{file-seq}</c>).
/// </summary>
public sealed record JournalRecord(long Seq, JournalEvent Event, string? Origin = null);
