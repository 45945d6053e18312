using System.Diagnostics;

namespace Lemegeton.Fuzz.Tests;

/// <summary>
/// Runs a fuzz target over many generated inputs. Each case is replayable from its seed. The oracle:
/// the target either accepts the input or refuses it with one of its documented diagnostic exceptions;
/// any other exception is a crash, a case that runs longer than <see cref="CaseTimeout"/> is a hang,
/// and the cases run on a thread with a 256 KiB stack — smaller than a thread-pool thread's — so an
/// unbounded recursion kills the run instead of hiding behind a big main-thread stack.
/// </summary>
public static class FuzzHarness
{
    /// <summary>The default stack of the thread the cases run on: 256 KiB, a sixth of a .NET thread-pool thread's 1.5 MiB.</summary>
    public const int SmallStack = 256 * 1024;

    /// <summary>Cases per target: <c>LEMEGETON_FUZZ_CASES</c>, default 10,000 (the CI run).</summary>
    public static int Cases => int.TryParse(Environment.GetEnvironmentVariable("LEMEGETON_FUZZ_CASES"), out var n) && n > 0 ? n : 10_000;

    /// <summary>First seed: <c>LEMEGETON_FUZZ_SEED</c>, default 1, so a CI run is the same every time and a long run can start elsewhere.</summary>
    public static int FirstSeed => int.TryParse(Environment.GetEnvironmentVariable("LEMEGETON_FUZZ_SEED"), out var n) ? n : 1;

    /// <summary>Longest one case may run: <c>LEMEGETON_FUZZ_TIMEOUT_MS</c>, default 5 s (the slowest real case takes milliseconds).</summary>
    public static TimeSpan CaseTimeout => TimeSpan.FromMilliseconds(
        int.TryParse(Environment.GetEnvironmentVariable("LEMEGETON_FUZZ_TIMEOUT_MS"), out var ms) && ms > 0 ? ms : 5000);

    /// <summary>Where failing inputs are saved: <c>LEMEGETON_FUZZ_OUT</c>, default a folder under the temp directory.</summary>
    public static string OutputDirectory => Environment.GetEnvironmentVariable("LEMEGETON_FUZZ_OUT") is { Length: > 0 } dir
        ? dir : Path.Combine(Path.GetTempPath(), "lemegeton-fuzz");

    /// <param name="generate">The input for a seed.</param>
    /// <param name="run">Runs the target; returns true when the input was refused with a diagnostic, false when accepted. Throws on anything else.</param>
    /// <param name="stackSize">Stack of the thread the cases run on.</param>
    public static FuzzReport Run(string target, Func<int, string> generate, Func<string, bool> run, int stackSize = SmallStack, int? cases = null, int? firstSeed = null)
    {
        var count = cases ?? Cases;
        var first = firstSeed ?? FirstSeed;
        var failures = new List<FuzzFailure>();
        var diagnostics = 0;
        var done = 0;
        var current = first - 1;
        var currentStarted = Stopwatch.GetTimestamp();
        string? currentInput = null;
        var slowestSeed = first;
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            for (var i = 0; i < count; i++)
            {
                var seed = first + i;
                var input = generate(seed);
                Volatile.Write(ref currentInput, input);
                Volatile.Write(ref currentStarted, Stopwatch.GetTimestamp());
                Volatile.Write(ref current, seed);
                try
                {
                    if (run(input)) diagnostics++;
                    var took = Stopwatch.GetElapsedTime(Volatile.Read(ref currentStarted));
                    if (took > slowest) (slowest, slowestSeed) = (took, seed);
                }
                catch (Exception e)
                {
                    lock (failures) failures.Add(new FuzzFailure(target, seed, e.GetType().Name, Describe(e), Save(target, seed, input)));
                }
                Volatile.Write(ref done, i + 1);
                lock (failures) if (failures.Count >= 20) break;
            }
            Volatile.Write(ref done, count);
        }, stackSize) { IsBackground = true, Name = "fuzz " + target };
        worker.Start();
        while (!worker.Join(50))
        {
            var running = Stopwatch.GetElapsedTime(Volatile.Read(ref currentStarted));
            if (running <= CaseTimeout) continue;
            var seed = Volatile.Read(ref current);
            lock (failures)
                failures.Add(new FuzzFailure(target, seed, "hang", $"still running after {running.TotalSeconds:F1} s", Save(target, seed, Volatile.Read(ref currentInput) ?? "")));
            // A thread cannot be aborted: the background worker is abandoned and the run reports what it has.
            break;
        }
        return new FuzzReport(target, Volatile.Read(ref done), diagnostics, failures, total.Elapsed, first, slowestSeed, slowest);
    }

    private static string Describe(Exception e)
    {
        var frame = e.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Lemegeton", StringComparison.Ordinal))
            ?? e.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        return $"{e.Message.Split('\n')[0]} [{frame}]";
    }

    private static string Save(string target, int seed, string input)
    {
        var dir = Path.Combine(OutputDirectory, target);
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"seed-{seed}.txt");
        File.WriteAllText(path, input);
        return path;
    }
}
