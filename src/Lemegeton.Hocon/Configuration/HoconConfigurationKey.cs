namespace Lemegeton.Hocon.Configuration;

/// <summary>
/// How HOCON paths become <c>IConfiguration</c> keys. Elements are joined with ':' and every '-' and
/// '_' is dropped from unquoted keys, so <c>lemegeton.hub.heartbeat-timeout</c> becomes
/// <c>lemegeton:hub:heartbeattimeout</c> and binds to a property named <c>HeartbeatTimeout</c>
/// (configuration keys ignore case). A key written in quotes in HOCON is kept verbatim, for map keys
/// such as agent names that must keep their dashes.
/// </summary>
public static class HoconConfigurationKey
{
    /// <summary>Drops '-' and '_' (an element made only of them is kept as is).</summary>
    public static string NormalizeSegment(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.AsSpan().IndexOfAny('-', '_') < 0)
        {
            return segment;
        }

        Span<char> buffer = segment.Length <= 256 ? stackalloc char[segment.Length] : new char[segment.Length];
        var length = 0;
        foreach (var c in segment)
        {
            if (c is not ('-' or '_'))
            {
                buffer[length++] = c;
            }
        }

        return length == 0 ? segment : new string(buffer[..length]);
    }

    /// <summary>
    /// The configuration key for a path written with '.' or ':' separators, e.g.
    /// <c>From("lemegeton.leases.renew-fraction")</c> is <c>"lemegeton:leases:renewfraction"</c>.
    /// </summary>
    public static string From(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split([':', '.'], StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = NormalizeSegment(segments[i]);
        }

        return string.Join(':', segments);
    }
}
