using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Lemegeton.Hosting.Tests.Infrastructure;

/// <summary>A Serilog sink that keeps every event, rendered, for assertions.</summary>
public sealed class InMemorySink : ILogEventSink
{
    public ConcurrentQueue<(LogEventLevel Level, string Source, string Message)> Events { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        var source = logEvent.Properties.TryGetValue("SourceContext", out var value) ? value.ToString().Trim('"') : "";
        Events.Enqueue((logEvent.Level, source, logEvent.RenderMessage()));
    }
}
