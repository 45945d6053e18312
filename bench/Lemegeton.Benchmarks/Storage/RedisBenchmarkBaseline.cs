using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Benchmarks.Storage;

/// <summary>
/// Runs <c>redis-benchmark</c> (50 clients, over the server's Unix socket) against the benchmark's
/// own server with the hub's lease scripts, so the raw Redis figure comes from the same run
/// (bench/redis-baseline.sh does the same standalone).
/// </summary>
internal static partial class RedisBenchmarkBaseline
{
    public static async Task<string> MeasureLeaseCycleAsync(RedisServerProcess server, int requests)
    {
        var (acq, rel, cycle) = await MeasureAsync(server, requests);
        return string.Create(CultureInfo.InvariantCulture,
            $"redis-benchmark -c 50 -n {requests} (same server): acquire EVALSHA {acq:0}/s, release EVALSHA {rel:0}/s, acquire+release cycle {cycle:0}/s");
    }

    /// <summary>Requests/s of the acquire and the release script, and the cycle rate 1 / (1/acquire + 1/release).</summary>
    public static async Task<(double Acquire, double Release, double Cycle)> MeasureAsync(RedisServerProcess server, int requests)
    {
        var acquire = RedisScript.FromResource("lease-acquire");
        var release = RedisScript.FromResource("lease-release");
        var mux = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(server.Connection.ToConfigurationOptions("baseline"));
        await acquire.LoadAsync(mux);
        await release.LoadAsync(mux);
        mux.Dispose();

        const string p = "lemegeton:baseline:";
        string[] files = ["src/a.cs", "src/b.cs", "src/c.cs", "src/d.cs", "src/e.cs"];
        // The same arguments the store passes: owner (agent, session, PR), TTL, key prefix, floor and ceiling.
        var acquireArgs = new List<string> { "EVALSHA", Convert.ToHexStringLower(acquire.Sha1), "8", p + "lease:fencing", p + "lease:session:session-1", p + "lease:directories" };
        acquireArgs.AddRange(files.Select(f => p + "lease:file:" + f));
        acquireArgs.AddRange(["agent-1", "session-1", "PR-001", "300000", p + "lease:file:", "0", "9007199254740991"]);
        acquireArgs.AddRange(files);
        var releaseArgs = new List<string> { "EVALSHA", Convert.ToHexStringLower(release.Sha1), "1", p + "lease:session:session-1", "agent-1\nsession-1\nPR-001\n", "agent-1\nsession-1\n", p + "lease:file:" };
        releaseArgs.AddRange(files);

        var acq = await RunAsync(server, requests, acquireArgs);
        var rel = await RunAsync(server, requests, releaseArgs);
        return (acq, rel, 1 / (1 / acq + 1 / rel));
    }

    private static async Task<double> RunAsync(RedisServerProcess server, int requests, IEnumerable<string> command)
    {
        var psi = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] target = server.UnixSocket is { } socket ? ["-s", socket] : ["-p", server.Port.ToString(CultureInfo.InvariantCulture)];
        foreach (var a in target.Concat(["-a", server.Options.Password, "-c", "50", "-n", requests.ToString(CultureInfo.InvariantCulture), "-q"]))
            psi.ArgumentList.Add(a);
        foreach (var a in command) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var matches = Rps().Matches((await stdout).Replace('\r', '\n'));
        return matches.Count == 0 ? double.NaN : double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"([0-9.]+) requests per second")]
    private static partial Regex Rps();
}
