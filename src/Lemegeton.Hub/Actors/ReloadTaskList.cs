namespace Lemegeton.Hub.Actors;

/// <summary>Re-read the task list now (the daemon sends it to the coordinator on SIGHUP).</summary>
public sealed record ReloadTaskList
{
    public static ReloadTaskList Instance { get; } = new();
}
