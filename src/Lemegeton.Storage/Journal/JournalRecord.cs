namespace Lemegeton.Storage.Journal;

/// <summary>A written event with its sequence number.</summary>
public sealed record JournalRecord(long Seq, JournalEvent Event);
