namespace Lemegeton.Cli.Commands;

/// <summary>Exit codes of the operator commands (docs/cli.md#exit-codes-and-errors).</summary>
public static class CliExitCodes
{
    public const int Success = 0;

    /// <summary>The action failed or was refused (e.g. a transition the state machine forbids).</summary>
    public const int Failure = 1;

    /// <summary>Bad options, arguments or configuration.</summary>
    public const int Usage = 2;

    /// <summary>No hub answers in this repository; the message says how to start one.</summary>
    public const int HubNotRunning = 3;

    /// <summary>The PR, agent, file, actor or cluster member named does not exist.</summary>
    public const int NotFound = 4;
}
