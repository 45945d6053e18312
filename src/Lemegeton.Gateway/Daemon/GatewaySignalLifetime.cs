using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Gateway.Daemon;

/// <summary>
/// The gateway host's lifetime, as the hub's (docs/hub.md "Signals"): SIGTERM, SIGINT and SIGQUIT
/// stop it gracefully; a second SIGINT more than 250 ms after the first forces the exit (130).
/// </summary>
public sealed class GatewaySignalLifetime(IHostApplicationLifetime lifetime, GatewayForcedExit forcedExit, TimeProvider time, ILogger<GatewaySignalLifetime> logger)
    : IHostLifetime, IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Lock _gate = new();
    private long _stoppingSince;

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
            _registrations.Add(PosixSignalRegistration.Create(signal, Handle));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _registrations.Clear();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        var name = context.Signal.ToString();
        lock (_gate)
        {
            if (_stoppingSince == 0)
            {
                _stoppingSince = time.GetTimestamp();
                GatewayLog.StopSignal(logger, name);
                ThreadPool.QueueUserWorkItem(_ => lifetime.StopApplication());
                return;
            }
            if (context.Signal != PosixSignal.SIGINT || time.GetElapsedTime(_stoppingSince) < Debounce) return;
        }
        GatewayLog.ForcedExit(logger, name);
        forcedExit.Exit();
    }
}
