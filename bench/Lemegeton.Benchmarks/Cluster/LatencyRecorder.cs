namespace Lemegeton.Benchmarks.Cluster;

/// <summary>Thread-safe list of durations, switched on and off around the measuring window.</summary>
internal sealed class LatencyRecorder
{
    private readonly Lock _lock = new();
    private readonly List<double> _ms = [];

    public bool Recording { get; set; }

    public void Record(TimeSpan elapsed)
    {
        if (!Recording) return;
        lock (_lock) _ms.Add(elapsed.TotalMilliseconds);
    }

    public IReadOnlyList<double> Take()
    {
        lock (_lock)
        {
            var copy = _ms.ToArray();
            _ms.Clear();
            return copy;
        }
    }
}
