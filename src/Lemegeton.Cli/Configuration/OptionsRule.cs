using System.Globalization;

namespace Lemegeton.Cli.Configuration;

/// <summary>
/// One check on one key of an Options class: <see cref="Check"/> returns null when the value is
/// allowed, else why not, including the allowed range.
/// </summary>
/// <param name="Key">The key in HOCON spelling, e.g. <c>lemegeton.scheduler.max-parallel-prs</c>.</param>
public sealed record OptionsRule<T>(string Key, Func<T, string?> Check)
{
    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static OptionsRule<T> Range(string key, Func<T, long> read, long min, long max) => new(key, o =>
    {
        var v = read(o);
        return v >= min && v <= max ? null : string.Create(CultureInfo.InvariantCulture, $"{v} is out of range; allowed {min} to {max}");
    });

    /// <summary>A duration between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static OptionsRule<T> Range(string key, Func<T, TimeSpan> read, TimeSpan min, TimeSpan max) => new(key, o =>
    {
        var v = read(o);
        return v >= min && v <= max ? null : $"{Show(v)} is out of range; allowed {Show(min)} to {Show(max)}";
    });

    /// <summary>Text that is not empty or blank.</summary>
    public static OptionsRule<T> NotBlank(string key, Func<T, string?> read) =>
        new(key, o => string.IsNullOrWhiteSpace(read(o)) ? "must not be empty" : null);

    /// <summary>A duration as reference.conf writes it: 500ms, 30s, 5m, 2h, 1d (or TimeSpan's form when it has no single unit).</summary>
    internal static string Show(TimeSpan t)
    {
        static string Of(double v, string unit) => v.ToString(CultureInfo.InvariantCulture) + unit;
        if (t == TimeSpan.Zero) return "0s";
        if (t.Ticks % TimeSpan.TicksPerDay == 0) return Of(t.TotalDays, "d");
        if (t.Ticks % TimeSpan.TicksPerHour == 0) return Of(t.TotalHours, "h");
        if (t.Ticks % TimeSpan.TicksPerMinute == 0) return Of(t.TotalMinutes, "m");
        if (t.Ticks % TimeSpan.TicksPerSecond == 0) return Of(t.TotalSeconds, "s");
        if (t.Ticks % TimeSpan.TicksPerMillisecond == 0) return Of(t.TotalMilliseconds, "ms");
        return t.ToString("c", CultureInfo.InvariantCulture);
    }
}
