namespace Lemegeton.Benchmarks.Storage.GitCliMirror;

/// <summary>What a git command printed and how it ended.</summary>
public sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}
