using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton hub …</c>: run and control the hub daemon of this repository (see docs/hub.md).</summary>
public sealed class HubCommand : Command
{
    public HubCommand(CliEnvironment environment)
        : base("hub", "Run and control the hub daemon of this repository: start, stop, status, restart (see docs/hub.md).")
    {
        Add(new HubStartCommand(environment));
        Add(new HubStopCommand(environment));
        Add(new HubStatusCommand(environment));
        Add(new HubRestartCommand(environment));
    }
}
