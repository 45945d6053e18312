namespace Lemegeton.Persistence.Local;

/// <summary>One atomic write's line: segment, byte range, sequence range and writer.</summary>
internal sealed record LineRef(int Segment, long Offset, int Length, long FirstSeq, long LastSeq, string Writer);
