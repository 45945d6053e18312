namespace Lemegeton.Fuzz.Tests;

/// <summary>What one fuzz run did: cases run, how many ended in a clean diagnostic, the failures (crashes, hangs), and the time taken.</summary>
public sealed record FuzzReport(string Target, int Cases, int Diagnostics, IReadOnlyList<FuzzFailure> Failures, TimeSpan Elapsed, int FirstSeed, int SlowestSeed, TimeSpan Slowest)
{
    public override string ToString() =>
        $"{Target}: {Cases} cases from seed {FirstSeed} in {Elapsed.TotalSeconds:F1} s, {Diagnostics} refused with a diagnostic, "
        + $"{Failures.Count(f => f.Kind != "hang")} crashes, {Failures.Count(f => f.Kind == "hang")} hangs; slowest case seed {SlowestSeed} ({Slowest.TotalMilliseconds:F0} ms)"
        + string.Concat(Failures.Select(f => Environment.NewLine + "  " + f));
}
