namespace Lemegeton.Agent.Execution;

/// <summary>How a command run ended.</summary>
/// <param name="ExitCode">The shell's exit code; null when it was stopped (timeout or cancellation).</param>
/// <param name="TimedOut">The per-PR timeout stopped it.</param>
/// <param name="Cancelled">It was stopped because the work was taken back (revoke, shutdown).</param>
/// <param name="Duration">Wall time of the run.</param>
/// <param name="Error">Why it could not start, if it did not.</param>
public sealed record CommandOutcome(int? ExitCode, bool TimedOut, bool Cancelled, TimeSpan Duration, string? Error = null)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut && !Cancelled && Error is null;

    /// <summary>One line for a failure report: what happened and where the output is.</summary>
    public string Describe(string logFile, TimeSpan timeout) =>
        Error is not null ? $"the command could not be started: {Error}"
        : TimedOut ? $"the command did not finish within {timeout.TotalSeconds:0.#} s; its process group was stopped (SIGTERM, then SIGKILL); output in {logFile}"
        : Cancelled ? "the command was stopped because the work was taken back"
        : $"the command exited with code {ExitCode}; output in {logFile}";
}
