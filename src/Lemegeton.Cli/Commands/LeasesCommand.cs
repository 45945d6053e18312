using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton leases list|release</c>.</summary>
public sealed class LeasesCommand : Command
{
    public LeasesCommand(CliEnvironment environment)
        : base("leases", "The file leases the hub holds for agents: list them, release them by force.\nExample: lemegeton leases list --agent worker-1")
    {
        Add(new LeasesListCommand(environment));
        Add(new LeasesReleaseCommand(environment));
    }
}
