namespace Lemegeton.Persistence.Local;

/// <summary>Where the lines of one persistence id are (in sequence order), its highest sequence number and deletion mark.</summary>
internal sealed class PersistenceIdIndex
{
    public List<LineRef> Lines { get; } = [];

    public long Highest { get; set; }

    public long DeletedTo { get; set; }

    /// <summary>The line holding <paramref name="sequenceNr"/>, or null.</summary>
    public LineRef? Find(long sequenceNr)
    {
        int lo = 0, hi = Lines.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var line = Lines[mid];
            if (sequenceNr < line.FirstSeq) hi = mid - 1;
            else if (sequenceNr > line.LastSeq) lo = mid + 1;
            else return line;
        }
        return null;
    }

    /// <summary>Index of the first line whose last sequence number is at least <paramref name="sequenceNr"/>.</summary>
    public int FirstEndingAtOrAfter(long sequenceNr)
    {
        int lo = 0, hi = Lines.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Lines[mid].LastSeq < sequenceNr) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
