using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// The host's lifetime for the hub, in place of the console lifetime: SIGTERM/SIGINT/SIGQUIT stop
/// the host gracefully, a second SIGINT forces the exit, SIGHUP raises <see cref="HubReloadSignal"/>
/// (see <see cref="HubSignalPolicy"/>).
/// </summary>
public sealed class HubSignalLifetime(
    IHostApplicationLifetime lifetime,
    HubSignalPolicy policy,
    HubReloadSignal reload,
    HubRuntimeState state,
    HubForcedExit forcedExit,
    ILogger<HubSignalLifetime> logger) : IHostLifetime, IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];

    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
            _registrations.Add(PosixSignalRegistration.Create(signal, Handle));
        lifetime.ApplicationStopping.Register(() =>
        {
            state.MarkStopping();
            policy.MarkStopping();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _registrations.Clear();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the hub decides; never the runtime's default termination
        var name = context.Signal.ToString();
        switch (policy.Decide(context.Signal))
        {
            case HubSignalAction.Stop:
                HubLog.StopSignal(logger, name);
                state.MarkStopping();
                ThreadPool.QueueUserWorkItem(_ => lifetime.StopApplication());
                break;
            case HubSignalAction.AlreadyStopping:
                HubLog.AlreadyStopping(logger, name);
                break;
            case HubSignalAction.ForceExit:
                HubLog.ForcedExit(logger, name);
                forcedExit.Exit();
                break;
            case HubSignalAction.Reload:
                ThreadPool.QueueUserWorkItem(_ => reload.Raise());
                break;
            default:
                HubLog.SignalDebounced(logger, name);
                break;
        }
    }
}
