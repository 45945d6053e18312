namespace Lemegeton.Core.TaskList;

/// <summary>A <see cref="TextReader"/> over part of a string, so each YAML block is read in place without copying it.</summary>
internal sealed class StringSegmentReader(string text, int start, int end) : TextReader
{
    private int _pos = start;

    public override int Peek() => _pos < end ? text[_pos] : -1;

    public override int Read() => _pos < end ? text[_pos++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, end - _pos);
        if (n <= 0) return 0;
        text.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }
}
