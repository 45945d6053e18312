using System.Collections;
using System.CommandLine;
using Lemegeton.Hocon.Configuration;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Node;
using Lemegeton.Hub.Spawner;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton hub start [--foreground]</c>: starts the hub in the background (default) or runs it in this process.</summary>
public sealed class HubStartCommand : Command
{
    internal const string ForegroundName = "--foreground";
    internal const string DetachedName = "--detached";
    internal const string AgentsName = "--agents";
    internal const string ExecName = "--exec";
    internal const string AgentTimeoutName = "--agent-timeout";

    public HubStartCommand(CliEnvironment environment)
        : base("start", "Start the hub of this repository in the background; prints its PID, admin socket and log file once it answers. "
            + "Exit 4 when a hub already runs here.")
    {
        var foreground = new Option<bool>(ForegroundName)
        {
            Description = "Run the hub in this process and log to the console too (for systemd and containers); SIGTERM or Ctrl-C stops it.",
        };
        var detached = new Option<bool>(DetachedName) { Hidden = true, Description = "Internal: the background hub started by 'hub start'." };
        var agents = new Option<string>(AgentsName)
        {
            Description = "Start and supervise local agent processes, as type:count pairs (worker:4,qc:1); needs --exec. See docs/spawner.md.",
        };
        var exec = new Option<string>(ExecName) { Description = "The command template each spawned agent runs for a PR (passed to 'lemegeton agent --exec')." };
        var agentTimeout = new Option<string>(AgentTimeoutName)
        {
            Description = "Per-PR time limit of each spawned agent (its --timeout, e.g. 45m; default 30m): a command running longer is stopped with its process tree and the PR failed.",
        };
        Add(foreground);
        Add(detached);
        Add(agents);
        Add(exec);
        Add(agentTimeout);
        SetAction(result =>
        {
            var settings = HubCommandSettings.Load(result, environment);
            if (settings is null) return HubExitCodes.BadConfiguration;
            var agentsText = result.GetValue(agents);
            var execText = result.GetValue(exec);
            var timeoutText = result.GetValue(agentTimeout);
            if (!TryCreateSpawnerSettings(agentsText, execText, settings.Product.RepositoryRoot, out var spawner, out var spawnerError, timeoutText))
            {
                result.InvocationConfiguration.Error.WriteLine(TerminalText.Escape(spawnerError!));
                return HubExitCodes.BadConfiguration;
            }
            if (result.GetValue(foreground))
            {
                var isDetached = result.GetValue(detached);
                var daemon = new HubDaemonSettings(settings.Product.RepositoryRoot, settings.Hub, settings.Logging, LogToConsole: !isDetached, Detached: isDetached)
                {
                    Spawner = spawner,
                };
                var node = settings.Node;
                return HubDaemon.RunAsync(daemon, result.InvocationConfiguration.Error, builder => builder.AddHubNode(daemon.RepositoryRoot, node, spawner))
                    .GetAwaiter().GetResult();
            }

            var launch = StartInBackground(result, environment, settings,
                spawner is null ? [] : [AgentsName, agentsText!, ExecName, execText!, .. timeoutText is null ? Array.Empty<string>() : [AgentTimeoutName, timeoutText]]);
            (launch.Started ? result.InvocationConfiguration.Output : result.InvocationConfiguration.Error).WriteLine(launch.Message);
            return launch.ExitCode;
        });
    }

    /// <summary>Runs this program again as the detached foreground hub and waits until it answers.</summary>
    internal static HubLaunchResult StartInBackground(ParseResult result, CliEnvironment environment, HubCommandSettings settings, IReadOnlyList<string>? startArguments = null)
    {
        var arguments = new List<string> { "hub", "start", ForegroundName, DetachedName };
        arguments.AddRange(startArguments ?? []);
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

    /// <summary>The spawner's settings from <c>--agents</c>, <c>--exec</c> and <c>--agent-timeout</c>: null settings without <c>--agents</c>; false with an error naming the flag.</summary>
    public static bool TryCreateSpawnerSettings(string? agents, string? exec, string repositoryRoot, out SpawnerSettings? settings, out string? error, string? agentTimeout = null)
    {
        settings = null;
        error = null;
        if (agents is null)
        {
            if (exec is null && agentTimeout is null) return true;
            error = $"{(exec is null ? AgentTimeoutName : ExecName)}: given without {AgentsName}; say which agents to spawn, e.g. {AgentsName} worker:4 {ExecName} \"…\".";
            return false;
        }
        TimeSpan? timeout = null;
        if (agentTimeout is not null)
        {
            try
            {
                timeout = AgentCommand.ParseDuration(AgentTimeoutName, agentTimeout);
            }
            catch (FormatException e)
            {
                error = e.Message;
                return false;
            }
        }
        if (!SpawnerAgentList.TryParse(agents, out var list, out var parseError))
        {
            error = $"{AgentsName}: {parseError}";
            return false;
        }
        if (string.IsNullOrWhiteSpace(exec))
        {
            error = $"{AgentsName} needs {ExecName} \"<command template>\": the command each agent runs for a PR (e.g. {ExecName} \"lemegeton fake-coder\").";
            return false;
        }
        settings = new SpawnerSettings(list, exec, repositoryRoot) { CommandTimeout = timeout };
        return true;
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
