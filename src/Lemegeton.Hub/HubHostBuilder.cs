using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

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
    public static Serilog.Core.Logger CreateLog(HubDaemonSettings settings) =>
        DaemonLog.Create(settings.Logging.Level, HubPaths.LogFilePattern(settings.LogDirectory), settings.Logging.IsJson,
            settings.Logging.FileSizeLimit, settings.Logging.RetainedFiles, settings.LogToConsole);
}
