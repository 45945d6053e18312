using System.Globalization;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>Median and percentiles (nearest rank) of a sample.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Describe(IReadOnlyList<double> ms) => string.Create(CultureInfo.InvariantCulture,
        $"n={ms.Count} min={ms.DefaultIfEmpty(double.NaN).Min():F1} median={Percentile(ms, 50):F1} p90={Percentile(ms, 90):F1} p99={Percentile(ms, 99):F1} max={ms.DefaultIfEmpty(double.NaN).Max():F1} ms");
}
