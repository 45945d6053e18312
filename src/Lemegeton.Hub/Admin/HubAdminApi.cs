using System.Reflection;
using Lemegeton.Hub.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Admin;

/// <summary>The admin API's own endpoints (<c>GET /v1/status</c>, <c>POST /v1/shutdown</c>) and its shutdown gate.</summary>
public static class HubAdminApi
{
    /// <summary>The version reported in status.</summary>
    public static string Version { get; } =
        typeof(HubAdminApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HubAdminApi).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Maps the built-in endpoints and every registered <see cref="IHubAdminEndpoints"/> under <c>/v1</c>.</summary>
    public static void Map(WebApplication app)
    {
        app.Use(RequireTokenOnTcp);
        app.Use(RefuseWorkWhileStopping);
        var v1 = app.MapGroup("/v1");
        v1.MapGet("/status", Status);
        v1.MapPost("/shutdown", Shutdown);
        HubLogEndpoints.Map(v1);
        foreach (var endpoints in app.Services.GetServices<IHubAdminEndpoints>()) endpoints.Map(v1);
    }

    /// <summary>The status of this process.</summary>
    public static HubStatus CreateStatus(HubRuntimeState state, IHubRuntimeStatus runtime, HubReloadSignal reload) => new(
        state.Pid,
        Version,
        state.IsStopping ? "stopping" : "running",
        state.StartedAt,
        Math.Round(state.Uptime.TotalSeconds, 3),
        state.Paths.RepositoryRoot,
        runtime.Mode,
        runtime.Counts,
        reload.Count,
        state.Paths.AdminSocket,
        state.LogDirectory);

    private static IResult Status(HubRuntimeState state, IHubRuntimeStatus runtime, HubReloadSignal reload) =>
        Results.Json(CreateStatus(state, runtime, reload), HubAdminJsonContext.Default.HubStatus);

    private static IResult Shutdown(HttpContext context, HubRuntimeState state, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var already = state.IsStopping;
        if (!already)
        {
            HubLog.ShutdownRequested(loggers.CreateLogger(typeof(HubAdminApi).FullName!));
            state.MarkStopping();
            // Answer first, then stop: the shutdown must not wait for this request to finish.
            context.Response.OnCompleted(() =>
            {
                ThreadPool.QueueUserWorkItem(_ => lifetime.StopApplication());
                return Task.CompletedTask;
            });
        }

        return Results.Json(new HubShutdownAccepted(state.Pid, already), HubAdminJsonContext.Default.HubShutdownAccepted, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>A request that came over TCP (not the 0600 Unix socket) needs the bearer token; without a token configured, TCP is refused.</summary>
    private static async Task RequireTokenOnTcp(HttpContext context, RequestDelegate next)
    {
        if (context.Connection.LocalIpAddress is not null)
        {
            var token = context.RequestServices.GetService<HubAdminToken>();
            if (token is null || !token.Accepts(context.Request.Headers.Authorization.FirstOrDefault()))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsJsonAsync(
                    new HubAdminError("unauthorized", "The admin API on TCP needs 'Authorization: Bearer <token>' (the token is in lemegeton.admin-tcp.token-file)."),
                    HubAdminJsonContext.Default.HubAdminError).ConfigureAwait(false);
                return;
            }
        }

        await next(context).ConfigureAwait(false);
    }

    private static async Task RefuseWorkWhileStopping(HttpContext context, RequestDelegate next)
    {
        var state = context.RequestServices.GetRequiredService<HubRuntimeState>();
        if (state.IsStopping && context.GetEndpoint()?.Metadata.GetMetadata<HubAdminStartsWork>() is not null)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(
                new HubAdminError("stopping", "The hub is shutting down and starts no new work."),
                HubAdminJsonContext.Default.HubAdminError).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
