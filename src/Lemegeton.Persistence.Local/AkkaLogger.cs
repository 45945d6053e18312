using Akka.Event;
using Microsoft.Extensions.Logging;
using AkkaLogLevel = Akka.Event.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Lemegeton.Persistence.Local;

/// <summary>
/// Forwards the stores' log messages to Akka's logging when no <see cref="ILoggerFactory"/> is
/// registered with the actor system, so damage and failover reports are never silent.
/// </summary>
internal sealed class AkkaLogger(ILoggingAdapter adapter) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel switch
    {
        LogLevel.Trace or LogLevel.Debug => adapter.IsDebugEnabled,
        LogLevel.Information => adapter.IsInfoEnabled,
        LogLevel.Warning => adapter.IsWarningEnabled,
        LogLevel.None => false,
        _ => adapter.IsErrorEnabled,
    };

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel)) return;
        var level = logLevel switch
        {
            LogLevel.Trace or LogLevel.Debug => AkkaLogLevel.DebugLevel,
            LogLevel.Information => AkkaLogLevel.InfoLevel,
            LogLevel.Warning => AkkaLogLevel.WarningLevel,
            _ => AkkaLogLevel.ErrorLevel,
        };
        adapter.Log(level, exception, "{0}", formatter(state, exception));
    }
}
