using System.CommandLine;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton start [--agents …]</c>: starts the hub and the gateway of this repository in the background, and prints the dashboard's URL.</summary>
public sealed class StartCommand : Command
{
    public StartCommand(CliEnvironment environment)
        : base("start", "Start the hub and the gateway of this repository in the background and print the dashboard's URL "
            + "(a part that already runs is left running). Exit 0 when both run afterwards.\nExample: lemegeton start --agents worker:4 --exec \"lemegeton fake-coder\"")
    {
        var agents = new Option<string?>("--agents")
        {
            Description = "Passed to 'hub start --agents' unchanged: the local agents the hub starts and supervises.",
            HelpName = "spec",
        };
        var exec = new Option<string?>("--exec")
        {
            Description = "Passed to 'hub start --exec' unchanged: the command template each local agent runs per PR (needs --agents).",
            HelpName = "command",
        };
        var agentTimeout = new Option<string?>(HubStartCommand.AgentTimeoutName)
        {
            Description = "Passed to 'hub start --agent-timeout' unchanged: how long one PR's command may run before its process tree is killed.",
            HelpName = "duration",
        };
        Add(agents);
        Add(exec);
        Add(agentTimeout);
        SetAction(result =>
        {
            var hub = HubCommandSettings.Load(result, environment);
            var gateway = GatewayCommandSettings.Load(result, environment);
            if (hub is null || gateway is null) return HubExitCodes.BadConfiguration;
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;

            var arguments = new List<string> { "hub", "start", HubStartCommand.ForegroundName, HubStartCommand.DetachedName };
            arguments.AddRange(GatewayCommandSettings.SetArguments(result));
            if (result.GetValue(agents) is { } spec) arguments.AddRange(["--agents", spec]);
            if (result.GetValue(exec) is { } template) arguments.AddRange(["--exec", template]);
            if (result.GetValue(agentTimeout) is { } timeout) arguments.AddRange([HubStartCommand.AgentTimeoutName, timeout]);
            var hubStart = HubLauncher.StartInBackgroundAsync(new HubLaunchRequest(HubExecutable.Current(), arguments, environment.WorkingDirectory,
                hub.Paths, hub.LogDirectory, hub.Hub.ReadyTimeout, GatewayCommandSettings.ProductVariables(environment.Variables))).GetAwaiter().GetResult();
            var hubOk = hubStart.Started || hubStart.ExitCode == HubExitCodes.AlreadyRunning;
            (hubOk ? output : error).WriteLine(hubStart.Message);

            var gatewayStart = GatewayStartCommand.StartInBackground(result, environment, gateway);
            var gatewayOk = gatewayStart.Succeeded || gatewayStart.ExitCode == HubExitCodes.AlreadyRunning;
            (gatewayOk ? output : error).WriteLine(gatewayStart.Message);
            if (gatewayOk && Lemegeton.Gateway.Daemon.GatewayControl.TryStatusAsync(gateway.Paths).GetAwaiter().GetResult() is { } status)
                output.WriteLine($"dashboard: {status.Url}");
            return hubOk && gatewayOk ? HubExitCodes.Success : HubExitCodes.Failure;
        });
    }
}
