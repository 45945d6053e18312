using System.CommandLine;
using Lemegeton.Cli.Commands;

namespace Lemegeton.Cli;

/// <summary>Builds the <c>lemegeton</c> command tree. Every command is added here, in one place.</summary>
public static class CliApp
{
    public static RootCommand BuildRootCommand(CliEnvironment? environment = null)
    {
        environment ??= CliEnvironment.Current;
        var root = new RootCommand("Lemegeton: coordinates many AI coding agents working on one git repository without conflicts.");
        root.Add(GlobalOptions.CreateSet());
        root.Add(new TasksCommand(environment));
        root.Add(new ConfigCommand(environment));
        root.Add(new HubCommand(environment));
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given writers (for tests and embedding).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CliEnvironment? environment = null) =>
        BuildRootCommand(environment).Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
}
