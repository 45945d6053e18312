using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Lemegeton.Hub;

/// <summary>
/// Builds the hub's host: Serilog rolling files, the admin API on a Unix socket, the signal-driven
/// lifetime and the graceful shutdown sequence. The actor system plugs in through the
/// <c>extend</c> callback (e.g. <c>builder.Services.AddAkka(...)</c>), registering
/// <see cref="IHubShutdownStep"/>s, <see cref="IHubAdminEndpoints"/> and an <see cref="IHubRuntimeStatus"/>.
/// </summary>
public static class HubHostBuilder
{
    /// <summary>The socket Kestrel binds to, inside the private run folder; moved to <see cref="HubPaths.AdminSocket"/> once bound.</summary>
    public static string BindPath(HubPaths paths) => Path.Combine(paths.PrivateRunDirectory, "hub.sock");

    public static WebApplication Build(HubDaemonSettings settings, Serilog.Core.Logger log, HubForcedExit forcedExit, Action<WebApplicationBuilder>? extend = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = settings.RepositoryRoot,
            ApplicationName = "lemegeton-hub",
        });

        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(log, dispose: false);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ListenUnixSocket(BindPath(settings.Paths));
        });
        builder.Services.Configure<HostOptions>(host =>
        {
            // The sequence bounds itself; the margin covers stopping Kestrel and the actor system after it.
            host.ShutdownTimeout = settings.Hub.ShutdownTimeout + TimeSpan.FromSeconds(10);
        });

        var services = builder.Services;
        services.AddSingleton(settings.Hub);
        services.AddSingleton(settings.Logging);
        services.AddSingleton(settings.Paths);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new HubRuntimeState(settings.Paths, settings.LogDirectory, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<HubReloadSignal>();
        services.AddSingleton(sp => new HubSignalPolicy(settings.Hub.SignalDebounce, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(forcedExit);
        services.AddSingleton<HubShutdownSequence>();
        services.AddHostedService<HubShutdownService>();
        services.AddSingleton<IHostLifetime, HubSignalLifetime>();
        services.TryAddSingleton<IHubRuntimeStatus, PlaceholderRuntimeStatus>();

        extend?.Invoke(builder);

        var app = builder.Build();
        HubAdminApi.Map(app);
        return app;
    }

    /// <summary>The Serilog logger of the hub: rolling files under <c>logging.directory</c>, and the console in the foreground.</summary>
    public static Serilog.Core.Logger CreateLog(HubDaemonSettings settings)
    {
        var logging = settings.Logging;
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(ToSerilog(logging.Level))
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Pid", Environment.ProcessId);
        var path = HubPaths.LogFilePattern(settings.LogDirectory);
        const string template = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";
        config = logging.IsJson
            ? config.WriteTo.File(new JsonFormatter(renderMessage: true), path, rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: logging.FileSizeLimit, rollOnFileSizeLimit: true, retainedFileCountLimit: logging.RetainedFiles)
            : config.WriteTo.File(path, outputTemplate: template, rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: logging.FileSizeLimit, rollOnFileSizeLimit: true, retainedFileCountLimit: logging.RetainedFiles,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (settings.LogToConsole)
            config = config.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
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
