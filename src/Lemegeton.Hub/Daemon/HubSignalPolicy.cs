using System.Runtime.InteropServices;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// Decides what each signal means: SIGTERM, SIGINT and SIGQUIT stop gracefully; a second SIGINT
/// during the shutdown forces an immediate exit; SIGHUP requests a reload. A signal that repeats
/// within <c>hub.signal-debounce</c> of the previous one of its kind counts once, so a burst (a
/// process manager and a user both sending SIGTERM, a held-down Ctrl-C) is one request.
/// </summary>
public sealed class HubSignalPolicy(TimeSpan debounce, TimeProvider time)
{
    private readonly Dictionary<PosixSignal, long> _lastSeen = [];
    private readonly Lock _gate = new();
    private bool _stopping;

    /// <summary>True once a stop signal was accepted (or <see cref="MarkStopping"/> was called).</summary>
    public bool IsStopping
    {
        get { lock (_gate) return _stopping; }
    }

    /// <summary>The hub began stopping for another reason (the admin API); later signals are judged accordingly.</summary>
    public void MarkStopping()
    {
        lock (_gate) _stopping = true;
    }

    public HubSignalAction Decide(PosixSignal signal)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (_lastSeen.TryGetValue(signal, out var last) && time.GetElapsedTime(last, now) < debounce)
            {
                _lastSeen[signal] = now; // a continuing burst keeps the window open
                return HubSignalAction.Ignore;
            }

            _lastSeen[signal] = now;
            switch (signal)
            {
                case PosixSignal.SIGHUP:
                    return HubSignalAction.Reload;
                case PosixSignal.SIGINT when _stopping:
                    return HubSignalAction.ForceExit;
                case PosixSignal.SIGINT or PosixSignal.SIGTERM or PosixSignal.SIGQUIT when _stopping:
                    return HubSignalAction.AlreadyStopping;
                case PosixSignal.SIGINT or PosixSignal.SIGTERM or PosixSignal.SIGQUIT:
                    _stopping = true;
                    return HubSignalAction.Stop;
                default:
                    return HubSignalAction.Ignore;
            }
        }
    }
}
