using System.Globalization;

namespace Lemegeton.Hocon;

/// <summary>Splits "30 s" / "64MiB" into a number and a trailing run of letters.</summary>
internal static class UnitText
{
    public static bool TrySplit(string text, out double number, out ReadOnlySpan<char> unit)
    {
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsAsciiLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        unit = span[unitStart..];
        var numberPart = span[..unitStart].TrimEnd();
        // A number ending in an exponent marker ("1e") would have lost its 'e' to the unit: refuse.
        if (numberPart.IsEmpty || !double.TryParse(numberPart, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            number = 0;
            return false;
        }

        return true;
    }
}
