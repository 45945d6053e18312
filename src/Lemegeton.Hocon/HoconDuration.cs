namespace Lemegeton.Hocon;

/// <summary>
/// HOCON durations: a number followed by an optional unit, e.g. <c>500ms</c>, <c>30 s</c>, <c>5m</c>,
/// <c>1.5h</c>. Units: ns, us, ms, s, m, h, d and their long forms (nanos, micros, millis, seconds,
/// minutes, hours, days, singular or plural). A bare number means milliseconds, as in Lightbend config.
/// </summary>
public static class HoconDuration
{
    /// <summary>Parses a duration; a bare number is taken as milliseconds.</summary>
    public static bool TryParse(string text, out TimeSpan duration) => TryParse(text, requireUnit: false, out duration);

    /// <summary>Parses a duration only when it names a unit (used to decide whether a string is a duration at all).</summary>
    public static bool TryParseWithUnit(string text, out TimeSpan duration) => TryParse(text, requireUnit: true, out duration);

    private static bool TryParse(string text, bool requireUnit, out TimeSpan duration)
    {
        duration = default;
        if (!UnitText.TrySplit(text, out var number, out var unit))
        {
            return false;
        }

        long ticksPerUnit;
        if (unit.IsEmpty)
        {
            if (requireUnit)
            {
                return false;
            }

            ticksPerUnit = TimeSpan.TicksPerMillisecond;
        }
        else if (!TryTicksPerUnit(unit, out ticksPerUnit))
        {
            return false;
        }

        // Nanoseconds are a hundredth of a tick: scale through a double and round.
        var ticks = ticksPerUnit == 0
            ? Math.Round(number * 0.01)
            : Math.Round(number * ticksPerUnit);
        if (double.IsNaN(ticks) || ticks > TimeSpan.MaxValue.Ticks || ticks < TimeSpan.MinValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    private static bool TryTicksPerUnit(ReadOnlySpan<char> unit, out long ticksPerUnit)
    {
        ticksPerUnit = unit switch
        {
            "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => 0,
            "us" or "micro" or "micros" or "microsecond" or "microseconds" => TimeSpan.TicksPerMicrosecond,
            "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => TimeSpan.TicksPerMillisecond,
            "s" or "second" or "seconds" => TimeSpan.TicksPerSecond,
            "m" or "minute" or "minutes" => TimeSpan.TicksPerMinute,
            "h" or "hour" or "hours" => TimeSpan.TicksPerHour,
            "d" or "day" or "days" => TimeSpan.TicksPerDay,
            _ => -1,
        };
        return ticksPerUnit >= 0;
    }
}
