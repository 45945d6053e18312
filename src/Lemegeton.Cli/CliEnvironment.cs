using System.Collections;

namespace Lemegeton.Cli;

/// <summary>What the commands need from the process around them; tests pass their own.</summary>
/// <param name="WorkingDirectory">Where relative paths start and the repository is looked for.</param>
/// <param name="Variables">Environment variables for the configuration layers; null reads the process environment.</param>
public sealed record CliEnvironment(string WorkingDirectory, IDictionary? Variables = null)
{
    public static CliEnvironment Current => new(Environment.CurrentDirectory);
}
