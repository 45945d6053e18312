namespace Lemegeton.Agent.Execution;

/// <summary>One run of an assignment's command.</summary>
/// <param name="CommandLine">The expanded <c>--exec</c> template, run by <c>/bin/sh -c</c>.</param>
/// <param name="WorkingDirectory">Where it runs (the repository or the agent's worktree).</param>
/// <param name="Environment">Variables added to the agent's own environment.</param>
/// <param name="LogFile">Standard output and error of the command (and everything it starts) are appended here.</param>
/// <param name="Timeout">After this long the command's whole process group is stopped and the run fails.</param>
/// <param name="KillGrace">Time between SIGTERM and SIGKILL.</param>
public sealed record CommandSpec(
    string CommandLine,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    string LogFile,
    TimeSpan Timeout,
    TimeSpan KillGrace);
