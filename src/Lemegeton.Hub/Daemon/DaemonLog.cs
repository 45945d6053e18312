using System.Globalization;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// The Serilog logger of a daemon (hub or gateway; shared by source, the gateway has no Akka): rolling
/// files at <paramref name="pathPattern"/> (plain text, or JSON), ASP.NET Core's chatter at warnings
/// only, the process id on every event, and the console when run in the foreground.
/// </summary>
internal static class DaemonLog
{
    public static Serilog.Core.Logger Create(LogLevel level, string pathPattern, bool json, long fileSizeLimit, int retainedFiles, bool console)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(ToSerilog(level))
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Pid", Environment.ProcessId);
        const string template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";
        config = json
            ? config.WriteTo.File(new JsonFormatter(renderMessage: true), pathPattern, rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: fileSizeLimit, rollOnFileSizeLimit: true, retainedFileCountLimit: retainedFiles)
            : config.WriteTo.File(pathPattern, outputTemplate: template, rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: fileSizeLimit, rollOnFileSizeLimit: true, retainedFileCountLimit: retainedFiles,
                formatProvider: CultureInfo.InvariantCulture);
        if (console)
            config = config.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
        return config.CreateLogger();
    }

    private static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };
}
