using System.Net;
using Lemegeton.Gateway.Browser;
using Lemegeton.Gateway.Ipc;
using Lemegeton.Hub.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;

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
    public static Serilog.Core.Logger CreateLog(GatewayDaemonSettings settings) =>
        DaemonLog.Create(settings.Logging.Level, GatewayPaths.LogFilePattern(settings.Logging.Directory), settings.Logging.Json,
            settings.Logging.FileSizeLimit, settings.Logging.RetainedFiles, settings.LogToConsole);
}
