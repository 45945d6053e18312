using System.CommandLine;
using Lemegeton.Gateway;
using Lemegeton.Gateway.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton gateway stop [--timeout 15s]</c>: SIGTERM, wait for the graceful shutdown, SIGKILL after the timeout.</summary>
public sealed class GatewayStopCommand : Command
{
    public GatewayStopCommand(CliEnvironment environment)
        : base("stop", "Stop the gateway of this repository gracefully (SIGTERM), killing it (SIGKILL) if it still runs after --timeout. "
            + "Exit 3 when no gateway runs, 5 when it had to be killed.\nExample: lemegeton gateway stop --timeout 30s")
    {
        var timeout = HubStopCommand.TimeoutOption();
        timeout.Description = "How long to wait after SIGTERM before SIGKILL, e.g. 10s (default: gateway.stop-timeout).";
        Add(timeout);
        SetAction(result =>
        {
            var settings = GatewayCommandSettings.Load(result, environment);
            if (settings is null) return GatewayExitCodes.BadConfiguration;
            var stop = Stop(settings, result.GetValue(timeout));
            (stop.Succeeded ? result.InvocationConfiguration.Output : result.InvocationConfiguration.Error).WriteLine(stop.Message);
            return stop.ExitCode;
        });
    }

    internal static GatewayCommandResult Stop(GatewayCommandSettings settings, TimeSpan? timeout) =>
        GatewayControl.StopAsync(settings.Paths, timeout ?? settings.Gateway.StopTimeout).GetAwaiter().GetResult();
}
