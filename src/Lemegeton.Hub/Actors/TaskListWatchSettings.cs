namespace Lemegeton.Hub.Actors;

/// <summary>Where the task list is and how its edits are picked up.</summary>
public sealed record TaskListWatchSettings
{
    /// <summary>The task list file (absolute, or relative to the working directory).</summary>
    public required string Path { get; init; }

    /// <summary>Watch the file for changes (otherwise only <see cref="ReloadTaskList"/> reloads it). Default true.</summary>
    public bool Watch { get; init; } = true;

    /// <summary>Quiet time after the last change before the file is re-read. Default 300 ms.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(300);
}
