using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton log tail</c>.</summary>
public sealed class LogCommand : Command
{
    public LogCommand(CliEnvironment environment)
        : base("log", "The hub's log.\nExample: lemegeton log tail -f --level warning")
    {
        Add(new LogTailCommand(environment));
    }
}
