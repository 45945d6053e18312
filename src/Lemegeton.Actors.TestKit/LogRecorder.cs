using Microsoft.Extensions.Logging;

namespace Lemegeton.Actors.TestKit;

/// <summary>One recorded log event.</summary>
/// <param name="Category">Logger category.</param>
/// <param name="Level">Level.</param>
/// <param name="EventId">Event id.</param>
/// <param name="Message">Formatted message.</param>
/// <param name="Exception">Attached exception, if any.</param>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>
/// An <see cref="ILoggerFactory"/> that records every event, for asserting on logged errors.
/// Events are logged from actor threads, so the expectations wait (real time) for them to appear.
/// </summary>
public sealed class LogRecorder : ILoggerFactory
{
    private readonly object _gate = new();
    private readonly List<LogEntry> _entries = [];

    /// <summary>A copy of everything recorded so far.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get { lock (_gate) return [.. _entries]; }
    }

    /// <summary>Recorded events at Error or Critical.</summary>
    public IReadOnlyList<LogEntry> Errors => Entries.Where(e => e.Level >= LogLevel.Error).ToArray();

    /// <summary>Forgets everything recorded.</summary>
    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>Waits until an event at <paramref name="minLevel"/> or above matching <paramref name="predicate"/> is recorded.</summary>
    public LogEntry ExpectLog(LogLevel minLevel, Func<LogEntry, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TestProbe.DefaultTimeout);
        lock (_gate)
        {
            while (true)
            {
                var hit = _entries.FirstOrDefault(e => e.Level >= minLevel && (predicate is null || predicate(e)));
                if (hit is not null) return hit;
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    hit = _entries.FirstOrDefault(e => e.Level >= minLevel && (predicate is null || predicate(e)));
                    if (hit is not null) return hit;
                    throw new TestKitAssertionException($"No log event at {minLevel} or above matched within {timeout ?? TestProbe.DefaultTimeout}; recorded: {Describe(_entries)}");
                }
            }
        }
    }

    /// <summary>Waits for an error whose exception is a <typeparamref name="TException"/>.</summary>
    public LogEntry ExpectError<TException>(TimeSpan? timeout = null) where TException : Exception =>
        ExpectLog(LogLevel.Error, e => e.Exception is TException, timeout);

    /// <summary>Fails if any Error or Critical event was recorded.</summary>
    public void AssertNoErrors()
    {
        var errors = Errors;
        if (errors.Count > 0) throw new TestKitAssertionException($"Expected no logged errors but found {errors.Count}: {Describe(errors)}");
    }

    private static string Describe(IEnumerable<LogEntry> entries) =>
        string.Join("; ", entries.Select(e => $"[{e.Level}] {e.Message}{(e.Exception is null ? "" : " (" + e.Exception.GetType().Name + ")")}"));

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) { }

    /// <inheritdoc />
    public void Dispose() { }

    private void Add(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            Monitor.PulseAll(_gate);
        }
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
