using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Tests.Spawner;

/// <summary>A logger factory that keeps every entry with its structured properties, and lets a test await one.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();
    private readonly SemaphoreSlim _added = new(0);

    public CapturedLog() => Factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Waits until an entry matches, failing the test after <paramref name="bound"/>.</summary>
    public async Task<CapturedLogEntry> WaitFor(string what, Func<CapturedLogEntry, bool> match, TimeSpan bound)
    {
        using var cts = new CancellationTokenSource(bound);
        while (true)
        {
            if (_entries.FirstOrDefault(match) is { } found) return found;
            try { await _added.WaitAsync(cts.Token); }
            catch (OperationCanceledException)
            {
                Assert.Fail($"no log entry {what} within {bound.TotalSeconds} s; log:\n{string.Join('\n', _entries.Select(e => e.Message))}");
            }
        }
    }

    public void Dispose() => Factory.Dispose();

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : [];
            log._entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId.Id, formatter(state, exception), properties));
            log._added.Release();
        }
    }
}

/// <summary>One captured log entry: its rendered message and its structured properties (template included as <c>{OriginalFormat}</c>).</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Properties)
{
    public string? this[string property] => Properties.TryGetValue(property, out var v) ? v?.ToString() : null;
}
