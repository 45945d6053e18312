using System.Collections;
using System.CommandLine;
using Lemegeton.Hocon.Configuration;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Node;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton hub start [--foreground]</c>: starts the hub in the background (default) or runs it in this process.</summary>
public sealed class HubStartCommand : Command
{
    internal const string ForegroundName = "--foreground";
    internal const string DetachedName = "--detached";

    public HubStartCommand(CliEnvironment environment)
        : base("start", "Start the hub of this repository in the background; prints its PID, admin socket and log file once it answers. "
            + "Exit 4 when a hub already runs here.")
    {
        var foreground = new Option<bool>(ForegroundName)
        {
            Description = "Run the hub in this process and log to the console too (for systemd and containers); SIGTERM or Ctrl-C stops it.",
        };
        var detached = new Option<bool>(DetachedName) { Hidden = true, Description = "Internal: the background hub started by 'hub start'." };
        Add(foreground);
        Add(detached);
        SetAction(result =>
        {
            var settings = HubCommandSettings.Load(result, environment);
            if (settings is null) return HubExitCodes.BadConfiguration;
            if (result.GetValue(foreground))
            {
                var isDetached = result.GetValue(detached);
                var daemon = new HubDaemonSettings(settings.Product.RepositoryRoot, settings.Hub, settings.Logging, LogToConsole: !isDetached, Detached: isDetached);
                var node = settings.Node;
                return HubDaemon.RunAsync(daemon, result.InvocationConfiguration.Error, builder => builder.AddHubNode(daemon.RepositoryRoot, node))
                    .GetAwaiter().GetResult();
            }

            var launch = StartInBackground(result, environment, settings);
            (launch.Started ? result.InvocationConfiguration.Output : result.InvocationConfiguration.Error).WriteLine(launch.Message);
            return launch.ExitCode;
        });
    }

    /// <summary>Runs this program again as the detached foreground hub and waits until it answers.</summary>
    internal static HubLaunchResult StartInBackground(ParseResult result, CliEnvironment environment, HubCommandSettings settings)
    {
        var arguments = new List<string> { "hub", "start", ForegroundName, DetachedName };
        foreach (var assignment in result.GetValue<string[]>(GlobalOptions.SetName) ?? [])
        {
            arguments.Add(GlobalOptions.SetName);
            arguments.Add(assignment);
        }

        var request = new HubLaunchRequest(
            HubExecutable.Current(),
            arguments,
            environment.WorkingDirectory,
            settings.Paths,
            settings.LogDirectory,
            settings.Hub.ReadyTimeout,
            ProductVariables(environment.Variables));
        return HubLauncher.StartInBackgroundAsync(request).GetAwaiter().GetResult();
    }

    // The child inherits this process's environment; variables given to the command explicitly (tests, embedding) are passed on.
    private static Dictionary<string, string?>? ProductVariables(IDictionary? variables)
    {
        if (variables is null) return null;
        var product = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
            if (entry.Key is string name && name.StartsWith(LemegetonConfiguration.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                product[name] = entry.Value as string;
        return product;
    }
}
