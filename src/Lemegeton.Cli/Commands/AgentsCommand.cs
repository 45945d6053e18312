using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton agents list|show|kick</c>.</summary>
public sealed class AgentsCommand : Command
{
    public AgentsCommand(CliEnvironment environment)
        : base("agents", "The agents registered with the hub: list, show one, kick one.\nExample: lemegeton agents list")
    {
        Add(new AgentsListCommand(environment));
        Add(new AgentsShowCommand(environment));
        Add(new AgentsKickCommand(environment));
    }
}
