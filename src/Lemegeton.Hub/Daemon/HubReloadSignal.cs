using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// The reload request (SIGHUP): the hub node subscribes to <see cref="Reloaded"/> and tells the coordinator
/// to re-read the task list (the configuration is read at start only); the count shows in <c>/v1/status</c>.
/// </summary>
public sealed class HubReloadSignal(ILogger<HubReloadSignal> logger)
{
    private int _count;

    /// <summary>Raised once per accepted SIGHUP, with the reload number, on a thread-pool thread.</summary>
    public event Action<int>? Reloaded;

    /// <summary>Reloads requested since the hub started.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Raise()
    {
        var count = Interlocked.Increment(ref _count);
        HubLog.ReloadRequested(logger, count);
        var handlers = Reloaded;
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<int>>())
        {
            try { handler(count); }
            catch (Exception e) { HubLog.ReloadSubscriberFailed(logger, e); }
        }
    }
}
