namespace Lemegeton.Benchmarks.Storage.GitCliMirror;

/// <summary>A git command failed or timed out; the message carries the command line and git's stderr.</summary>
public sealed class GitCommandException(string message, int exitCode, string standardError) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
    public string StandardError { get; } = standardError;
}
