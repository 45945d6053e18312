namespace Lemegeton.Persistence.Local;

/// <summary>
/// A line of a segment that failed its checks at open (checksum, JSON, or an incomplete line that
/// is not the journal's tail). The line is skipped, the segment is copied to <c>quarantine/</c>
/// and kept in place; every valid line after it is still replayed.
/// </summary>
/// <param name="SegmentPath">The damaged segment file.</param>
/// <param name="Line">1-based line number in the segment.</param>
/// <param name="Offset">Byte offset of the line in the segment.</param>
/// <param name="Length">Bytes of the damaged line, its newline included when present.</param>
/// <param name="Reason">What failed.</param>
/// <param name="Claimed">What the damaged line itself says it holds, when its JSON still reads
/// (a checksum mismatch); null when it does not.</param>
public sealed record JournalDamage(string SegmentPath, int Line, long Offset, long Length, string Reason, SequenceRange? Claimed);
