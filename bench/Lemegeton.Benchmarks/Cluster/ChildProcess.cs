using System.Diagnostics;
using System.Reflection;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>Starts this benchmark program again in another mode (a hub node or an agent node in its own process), stdout redirected.</summary>
internal static class ChildProcess
{
    public static Process Start(params string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = false, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + self);
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/>; returns the rest of it.</summary>
    public static async Task<string> WaitForLineAsync(Process process, string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException($"child {process.Id} ended before printing {prefix}");
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line[prefix.Length..].Trim();
        }
    }
}
