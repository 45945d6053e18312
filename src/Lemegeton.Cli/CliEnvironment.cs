namespace Lemegeton.Cli;

/// <summary>What the commands need from the process around them; tests pass their own.</summary>
/// <param name="WorkingDirectory">Where relative paths start and the repository is looked for.</param>
public sealed record CliEnvironment(string WorkingDirectory)
{
    public static CliEnvironment Current => new(Environment.CurrentDirectory);
}
