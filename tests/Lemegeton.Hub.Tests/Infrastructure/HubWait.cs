using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Hub.Tests.Infrastructure;

/// <summary>Waits on what a hub process shows from outside: its admin API answering, its status changing.</summary>
public static class HubWait
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    /// <summary>Polls <c>/v1/status</c> until <paramref name="until"/> holds (a real process gives no other signal); fails after a generous bound.</summary>
    public static async Task<HubStatus> ForStatusAsync(HubPaths paths, Func<HubStatus, bool>? until = null)
    {
        using var cts = new CancellationTokenSource(Generous);
        while (!cts.IsCancellationRequested)
        {
            if (await HubLauncher.TryStatusAsync(paths, cts.Token) is { } status && (until?.Invoke(status) ?? true)) return status;
            await Task.Delay(50, cts.Token);
        }

        throw new TimeoutException($"no matching status from {paths.AdminSocket} within {Generous}");
    }
}
