namespace Lemegeton.Hub.Gateway;

/// <summary>
/// The link's bounded buffer of numbered lines not yet acknowledged, in seq order with no gaps: a
/// ring of at most <c>capacity</c> entries; adding to a full ring drops the oldest. What was dropped
/// and never acknowledged is exactly the seqs below <see cref="FirstSeq"/> above the last ack.
/// </summary>
public sealed class ResendBuffer(int capacity)
{
    private readonly byte[][] _lines = new byte[capacity][];
    private int _head;
    private long _firstSeq = 1;

    public int Capacity => capacity;

    public int Count { get; private set; }

    /// <summary>The oldest seq held (or the next seq to be added when empty).</summary>
    public long FirstSeq => _firstSeq;

    /// <summary>The newest seq held, or <see cref="FirstSeq"/> − 1 when empty.</summary>
    public long LastSeq => _firstSeq + Count - 1;

    /// <summary>Lines dropped because the buffer was full, since the start.</summary>
    public long Evicted { get; private set; }

    /// <summary>The newest seq dropped because the buffer was full (not acknowledged), or 0.</summary>
    public long EvictedThrough { get; private set; }

    /// <summary>Adds the line of <paramref name="seq"/>, which must follow <see cref="LastSeq"/> (or start the buffer when empty).</summary>
    public void Add(long seq, byte[] line)
    {
        if (Count == 0) _firstSeq = seq;
        else if (seq != LastSeq + 1) throw new ArgumentException($"seq {seq} does not follow {LastSeq}", nameof(seq));
        if (Count == capacity)
        {
            _lines[_head] = null!;
            _head = (_head + 1) % capacity;
            EvictedThrough = _firstSeq;
            _firstSeq++;
            Count--;
            Evicted++;
        }
        _lines[(_head + Count) % capacity] = line;
        Count++;
    }

    /// <summary>Drops every line up to and including <paramref name="seq"/> (acknowledged).</summary>
    public void TrimThrough(long seq)
    {
        while (Count > 0 && _firstSeq <= seq)
        {
            _lines[_head] = null!;
            _head = (_head + 1) % capacity;
            _firstSeq++;
            Count--;
        }
        if (Count == 0 && _firstSeq <= seq) _firstSeq = seq + 1;
    }

    /// <summary>The line of <paramref name="seq"/>, which must be held.</summary>
    public byte[] this[long seq] => _lines[(_head + (int)(seq - _firstSeq)) % capacity];
}
