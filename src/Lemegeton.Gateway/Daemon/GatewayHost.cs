using System.Globalization;
using System.Net;
using Lemegeton.Gateway.Browser;
using Lemegeton.Gateway.Ipc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Lemegeton.Gateway.Daemon;

/// <summary>Builds the gateway's host: Serilog rolling files, the IPC server, Kestrel for the browsers, the signal lifetime.</summary>
public static class GatewayHost
{
    public static WebApplication Build(GatewayDaemonSettings settings, Serilog.Core.Logger log, GatewayForcedExit forcedExit)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = settings.RepositoryRoot,
            ApplicationName = "lemegeton-gateway",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(log, dispose: false);

        var options = settings.Gateway;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Event streams are long-lived and mostly idle: no minimum data rate, or Kestrel would cut them.
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(options.Port);
            else kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(settings.Paths);
        services.AddSingleton(sp => new GatewayRouter(options, sp.GetRequiredService<ILogger<GatewayRouter>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GatewayStatusSource>();
        services.AddSingleton<IpcServer>();
        services.AddHostedService(sp => sp.GetRequiredService<IpcServer>());
        services.AddSingleton(forcedExit);
        services.AddSingleton<IHostLifetime, GatewaySignalLifetime>();

        var app = builder.Build();
        BrowserEndpoints.Map(app, app.Services.GetRequiredService<GatewayRouter>(), app.Services.GetRequiredService<GatewayStatusSource>());
        return app;
    }

    /// <summary>The URL Kestrel listens on (the real port when 0 was asked for).</summary>
    public static string ListeningUrl(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? "http://127.0.0.1";
        return first.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
    }

    /// <summary>The gateway's Serilog logger: rolling files <c>gateway-YYYYMMDD.log</c>, and the console in the foreground.</summary>
    public static Serilog.Core.Logger CreateLog(GatewayDaemonSettings settings)
    {
        var logging = settings.Logging;
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(ToSerilog(logging.Level))
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Pid", Environment.ProcessId);
        var path = GatewayPaths.LogFilePattern(logging.Directory);
        const string template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";
        config = logging.Json
            ? config.WriteTo.File(new JsonFormatter(renderMessage: true), path, rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: logging.FileSizeLimit, rollOnFileSizeLimit: true, retainedFileCountLimit: logging.RetainedFiles)
            : config.WriteTo.File(path, outputTemplate: template, rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: logging.FileSizeLimit, rollOnFileSizeLimit: true, retainedFileCountLimit: logging.RetainedFiles,
                formatProvider: CultureInfo.InvariantCulture);
        if (settings.LogToConsole)
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
