using System.CommandLine;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton status</c>: the hub's and the gateway's status together.</summary>
public sealed class StatusCommand : Command
{
    public StatusCommand(CliEnvironment environment)
        : base("status", "Show the hub and the gateway of this repository. Exit 0 when both run, 3 when neither does, 1 when only one does.")
    {
        SetAction(result =>
        {
            var hub = HubCommandSettings.Load(result, environment);
            var gateway = GatewayCommandSettings.Load(result, environment);
            if (hub is null || gateway is null) return HubExitCodes.BadConfiguration;
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var status = HubLauncher.TryStatusAsync(hub.Paths).GetAwaiter().GetResult();
            var hubRunning = status is not null;
            if (status is not null)
                output.WriteLine($"hub {status.State}: pid {status.Pid}, mode {status.Mode}, {status.Counts.Agents} agents, {status.Counts.PrsInFlight} PRs in flight (admin socket {status.AdminSocket})");
            else
                error.WriteLine($"{HubStopper.NotRunningMessage(hub.Paths)}");
            var gatewayCode = GatewayStatusCommand.Report(gateway, output, error);
            var gatewayRunning = gatewayCode == HubExitCodes.Success;
            return hubRunning && gatewayRunning ? HubExitCodes.Success : !hubRunning && !gatewayRunning ? HubExitCodes.NotRunning : HubExitCodes.Failure;
        });
    }
}
