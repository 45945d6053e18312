using System.CommandLine;
using Lemegeton.Gateway;
using Lemegeton.Gateway.Daemon;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton gateway start [--foreground]</c>: starts the gateway in the background (default) or runs it in this process.</summary>
public sealed class GatewayStartCommand : Command
{
    public GatewayStartCommand(CliEnvironment environment)
        : base("start", "Start the gateway of this repository in the background; prints its PID, dashboard URL, IPC socket and log once it answers. "
            + "Exit 4 when a gateway already runs here.\nExample: lemegeton gateway start")
    {
        var foreground = new Option<bool>(HubStartCommand.ForegroundName)
        {
            Description = "Run the gateway in this process and log to the console too (for systemd and containers); SIGTERM or Ctrl-C stops it.",
        };
        var detached = new Option<bool>(HubStartCommand.DetachedName) { Hidden = true, Description = "Internal: the background gateway started by 'gateway start'." };
        Add(foreground);
        Add(detached);
        SetAction(result =>
        {
            var settings = GatewayCommandSettings.Load(result, environment);
            if (settings is null) return GatewayExitCodes.BadConfiguration;
            if (result.GetValue(foreground))
            {
                var isDetached = result.GetValue(detached);
                var daemon = new GatewayDaemonSettings(settings.Product.RepositoryRoot, settings.Gateway, settings.LogSettings, LogToConsole: !isDetached, Detached: isDetached);
                return GatewayDaemon.RunAsync(daemon, result.InvocationConfiguration.Error).GetAwaiter().GetResult();
            }

            var launch = StartInBackground(result, environment, settings);
            (launch.Succeeded ? result.InvocationConfiguration.Output : result.InvocationConfiguration.Error).WriteLine(launch.Message);
            return launch.ExitCode;
        });
    }

    /// <summary>Runs this program again as the detached foreground gateway and waits until it answers.</summary>
    internal static GatewayCommandResult StartInBackground(ParseResult result, CliEnvironment environment, GatewayCommandSettings settings)
    {
        var executable = HubExecutable.Current();
        var arguments = executable.PrefixArguments
            .Concat(["gateway", "start", HubStartCommand.ForegroundName, HubStartCommand.DetachedName])
            .Concat(GatewayCommandSettings.SetArguments(result));
        return GatewayControl.StartInBackgroundAsync(executable.FileName, arguments, environment.WorkingDirectory, settings.Paths,
            settings.LogDirectory, settings.Gateway.ReadyTimeout, GatewayCommandSettings.ProductVariables(environment.Variables)).GetAwaiter().GetResult();
    }
}
