namespace Lemegeton.Hocon;

/// <summary>
/// HOCON memory sizes: a number followed by an optional unit, e.g. <c>512</c>, <c>64MiB</c>, <c>10 MB</c>.
/// Powers of two: K/k/Ki/KiB, M/m/Mi/MiB, G/g/Gi/GiB, T/t/Ti/TiB, P/p/Pi/PiB (and kibibytes…).
/// Powers of ten: kB, MB, GB, TB, PB (and kilobytes…). B, b, byte, bytes or no unit mean bytes.
/// </summary>
public static class HoconSize
{
    /// <summary>Parses a size in bytes; a bare number is bytes.</summary>
    public static bool TryParse(string text, out long bytes) => TryParse(text, requireUnit: false, out bytes);

    /// <summary>Parses a size only when it names a unit (used to decide whether a string is a size at all).</summary>
    public static bool TryParseWithUnit(string text, out long bytes) => TryParse(text, requireUnit: true, out bytes);

    private static bool TryParse(string text, bool requireUnit, out long bytes)
    {
        bytes = 0;
        if (!UnitText.TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        if (unit.IsEmpty && requireUnit)
        {
            return false;
        }

        if (!TryFactor(unit, out var factor))
        {
            return false;
        }

        var value = Math.Round(number * factor);
        if (double.IsNaN(value) || value >= long.MaxValue || value < long.MinValue)
        {
            return false;
        }

        bytes = (long)value;
        return true;
    }

    private static bool TryFactor(ReadOnlySpan<char> unit, out double factor)
    {
        const double Ki = 1024d;
        factor = unit switch
        {
            "" or "B" or "b" or "byte" or "bytes" => 1,
            "kB" or "kilobyte" or "kilobytes" => 1e3,
            "MB" or "megabyte" or "megabytes" => 1e6,
            "GB" or "gigabyte" or "gigabytes" => 1e9,
            "TB" or "terabyte" or "terabytes" => 1e12,
            "PB" or "petabyte" or "petabytes" => 1e15,
            "K" or "k" or "Ki" or "KiB" or "kibibyte" or "kibibytes" => Ki,
            "M" or "m" or "Mi" or "MiB" or "mebibyte" or "mebibytes" => Ki * Ki,
            "G" or "g" or "Gi" or "GiB" or "gibibyte" or "gibibytes" => Ki * Ki * Ki,
            "T" or "t" or "Ti" or "TiB" or "tebibyte" or "tebibytes" => Ki * Ki * Ki * Ki,
            "P" or "p" or "Pi" or "PiB" or "pebibyte" or "pebibytes" => Ki * Ki * Ki * Ki * Ki,
            _ => 0,
        };
        return factor > 0;
    }
}
