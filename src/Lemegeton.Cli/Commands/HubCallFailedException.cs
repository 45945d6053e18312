namespace Lemegeton.Cli.Commands;

/// <summary>The admin API answered with an error: the message to print and the exit code it maps to.</summary>
internal sealed class HubCallFailedException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
