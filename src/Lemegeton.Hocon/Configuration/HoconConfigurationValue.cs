using System.Globalization;

namespace Lemegeton.Hocon.Configuration;

/// <summary>
/// Turns unquoted HOCON durations and sizes into text the configuration binder parses: a duration
/// with a unit becomes TimeSpan's invariant "c" form (<c>30s</c> → <c>00:00:30</c>), a size with a
/// unit becomes a byte count (<c>64MiB</c> → <c>67108864</c>). Units shared by both (<c>m</c>) are
/// read as durations. Everything else, and every quoted string, passes through unchanged.
/// </summary>
public static class HoconConfigurationValue
{
    /// <summary>The binder-ready text for an unquoted value.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Cheap pre-check: only text that starts like a number and ends in a letter can carry a unit.
        var span = text.AsSpan().Trim();
        if (span.Length < 2 || !(char.IsAsciiDigit(span[0]) || span[0] is '-' or '.') || !char.IsAsciiLetter(span[^1]))
        {
            return text;
        }

        if (HoconDuration.TryParseWithUnit(text, out var duration))
        {
            return duration.ToString("c", CultureInfo.InvariantCulture);
        }

        return HoconSize.TryParseWithUnit(text, out var bytes) ? bytes.ToString(CultureInfo.InvariantCulture) : text;
    }

    /// <summary>The configuration value of a HOCON scalar: null for <c>null</c>, quoted text verbatim, unquoted text normalised.</summary>
    public static string? From(HoconScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        return scalar.Kind switch
        {
            HoconScalarKind.Null => null,
            HoconScalarKind.String when !scalar.Quoted => Normalize(scalar.Text),
            _ => scalar.Text,
        };
    }
}
