using System.CommandLine;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton stop</c>: stops the hub, then the gateway, of this repository.</summary>
public sealed class StopCommand : Command
{
    public StopCommand(CliEnvironment environment)
        : base("stop", "Stop the hub and then the gateway of this repository gracefully. Exit 0 when neither runs afterwards, 3 when neither was running.\nExample: lemegeton stop")
    {
        SetAction(result =>
        {
            var hub = HubCommandSettings.Load(result, environment);
            var gateway = GatewayCommandSettings.Load(result, environment);
            if (hub is null || gateway is null) return HubExitCodes.BadConfiguration;
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var hubStop = HubStopCommand.Stop(hub, null);
            (hubStop.ExitCode == HubExitCodes.Success ? output : error).WriteLine(hubStop.Message);
            var gatewayStop = GatewayStopCommand.Stop(gateway, null);
            (gatewayStop.Succeeded ? output : error).WriteLine(gatewayStop.Message);
            if (hubStop.ExitCode == HubExitCodes.NotRunning && gatewayStop.ExitCode == HubExitCodes.NotRunning) return HubExitCodes.NotRunning;
            return hubStop.ExitCode is HubExitCodes.Success or HubExitCodes.NotRunning && gatewayStop.ExitCode is HubExitCodes.Success or HubExitCodes.NotRunning
                ? HubExitCodes.Success
                : Math.Max(hubStop.ExitCode, gatewayStop.ExitCode) == HubExitCodes.Killed ? HubExitCodes.Killed : HubExitCodes.Failure;
        });
    }
}
