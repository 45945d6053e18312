namespace Lemegeton.Hub.Daemon;

/// <summary>Facts about the running hub process that the admin API reports.</summary>
public sealed class HubRuntimeState(HubPaths paths, string logDirectory, TimeProvider time)
{
    private volatile bool _stopping;

    public HubPaths Paths { get; } = paths;

    public string LogDirectory { get; } = logDirectory;

    public int Pid { get; } = Environment.ProcessId;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public TimeSpan Uptime => time.GetUtcNow() - StartedAt;

    /// <summary>True from the moment the shutdown begins: admin requests that start work are refused.</summary>
    public bool IsStopping => _stopping;

    public void MarkStopping() => _stopping = true;
}
