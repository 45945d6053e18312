using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton prs list|show|why|requeue|transition</c>: the PRs as the running hub sees them.</summary>
public sealed class PrsCommand : Command
{
    public PrsCommand(CliEnvironment environment)
        : base("prs", "The PRs as the running hub sees them (hot states, agents, leases), why one waits, and operator actions.\nExample: lemegeton prs why PR-004")
    {
        Add(new PrsListCommand(environment));
        Add(new PrsShowCommand(environment));
        Add(new PrsWhyCommand(environment));
        Add(new PrsRequeueCommand(environment));
        Add(new PrsTransitionCommand(environment));
    }
}
