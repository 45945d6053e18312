using System.CommandLine;
using Lemegeton.Cli.Commands;
using Lemegeton.Cli.Configuration;

namespace Lemegeton.Cli;

/// <summary>Builds the <c>lemegeton</c> command tree. Every command is added here, in one place.</summary>
public static class CliApp
{
    /// <summary>Exit code of an unexpected failure (a bug, or the machine: disk, permissions): sysexits' EX_SOFTWARE.</summary>
    public const int UnexpectedErrorExitCode = 70;

    /// <summary>Shows the full exception of an unexpected failure; without it the CLI prints one line.</summary>
    public const string DebugName = "--debug";

    public static RootCommand BuildRootCommand(CliEnvironment? environment = null)
    {
        environment ??= CliEnvironment.Current;
        var root = new RootCommand("Lemegeton: coordinates many AI coding agents working on one git repository without conflicts.");
        root.Add(GlobalOptions.CreateSet());
        root.Add(new Option<bool>(DebugName)
        {
            Description = "On an unexpected failure, print the full exception (stack trace included) instead of one line.",
            Recursive = true,
        });
        root.Add(new TasksCommand(environment));
        root.Add(new ConfigCommand(environment));
        root.Add(new HubCommand(environment));
        root.Add(new StatusCommand(environment));
        root.Add(new AgentsCommand(environment));
        root.Add(new PrsCommand(environment));
        root.Add(new LeasesCommand(environment));
        root.Add(new SchedulingCommand(environment));
        root.Add(new ModeCommand(environment));
        root.Add(new ActorsCommand(environment));
        root.Add(new ClusterCommand(environment));
        root.Add(new LogCommand(environment));
        root.Add(new InitCommand(environment));
        root.Add(new DoctorCommand(environment));
        root.Add(new CompletionCommand());
        root.Add(new AgentCommand(environment));
        root.Add(new LeaseCommand());
        root.Add(new ProgressCommand());
        root.Add(new FakeCoderCommand(environment));
        root.Add(new McpCommand());
        root.Add(new DemoCommand());
        root.Add(new GatewayCommand(environment));
        root.Add(new StartCommand(environment));
        root.Add(new StopCommand(environment));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers (for tests and embedding).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CliEnvironment? environment = null) =>
        Run(BuildRootCommand(environment), args, output, error);

    /// <summary>
    /// Runs a command tree behind the top-level guard: bad input is reported by each command with its
    /// own exit code (2 configuration, 1 invalid task list); anything that still escapes becomes one
    /// line on standard error and exit code <see cref="UnexpectedErrorExitCode"/>, the stack trace
    /// only with <see cref="DebugName"/>.
    /// </summary>
    internal static int Run(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            // A usage error (unknown command or option, missing argument, invalid value): exit 2, as for bad configuration.
            foreach (var e in parsed.Errors) error.WriteLine($"lemegeton: {TerminalText.Escape(e.Message)}");
            error.WriteLine($"run '{string.Join(' ', CommandPath(parsed))} --help' for usage");
            return UsageExitCode;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ConfigurationException e)
        {
            // A section bound late by a command (e.g. hub, logging) is still bad configuration.
            error.WriteLine($"configuration: {TerminalText.Escape(e.Message)}");
            return 2;
        }
        catch (Exception e)
        {
            var message = e.Message.Split('\n', 2)[0].TrimEnd('\r');
            error.WriteLine($"lemegeton: unexpected error: {TerminalText.Escape(message)} ({e.GetType().Name}){(Debug(parsed) ? "" : $"; run with {DebugName} for details")}");
            if (Debug(parsed)) TerminalText.WriteLines(error, "", e.ToString());
            return UnexpectedErrorExitCode;
        }
    }

    /// <summary>Exit code of a usage error (bad command line).</summary>
    public const int UsageExitCode = 2;

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command is RootCommand ? "lemegeton" : r.Command.Name);
        return names;
    }

    private static bool Debug(ParseResult parsed)
    {
        try { return parsed.GetValue<bool>(DebugName); }
        catch (InvalidOperationException) { return false; } // a tree without the option (tests)
    }
}
