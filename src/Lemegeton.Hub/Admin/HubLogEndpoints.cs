using System.Text.Json;
using Lemegeton.Hub.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Lemegeton.Hub.Admin;

/// <summary>
/// <c>GET /v1/logs?lines=100&amp;level=warning&amp;agent=ID&amp;pr=ID&amp;follow=true</c>: the hub's log as
/// NDJSON (<see cref="HubLogEntry"/> per line), read from the rolling files. <c>level</c> keeps that level
/// and above; <c>agent</c>/<c>pr</c> keep entries that mention the id. With <c>follow</c> the answer is
/// streamed (chunked) and new entries are sent as they are written, until the client goes or the hub stops.
/// </summary>
public static class HubLogEndpoints
{
    /// <summary>How often a followed file is checked for new lines.</summary>
    public static TimeSpan FollowInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public static void Map(IEndpointRouteBuilder v1) => v1.MapGet("/logs", Tail);

    private static async Task Tail(HttpContext http, HubRuntimeState state, IHostApplicationLifetime lifetime,
        int? lines, string? level, string? agent, string? pr, bool? follow)
    {
        var min = 0;
        if (level is not null)
        {
            if (HubLogReader.ParseLevel(level) is not { } parsed)
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                await http.Response.WriteAsJsonAsync(new HubAdminError("bad-request", $"unknown level '{level}': use trace, debug, information, warning, error or critical"),
                    HubAdminJsonContext.Default.HubAdminError).ConfigureAwait(false);
                return;
            }
            min = parsed;
        }
        bool Keep(HubLogEntry e) => HubLogReader.ParseLevel(e.Level) >= min
            && (agent is null || e.Text.Contains(agent, StringComparison.Ordinal))
            && (pr is null || e.Text.Contains(pr, StringComparison.Ordinal));

        var reader = new HubLogReader(state.LogDirectory);
        var (entries, file, position) = reader.Tail(Math.Clamp(lines ?? 100, 0, 100_000), Keep);
        http.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var body = http.Response.Body;
        await Write(body, entries, http.RequestAborted).ConfigureAwait(false);
        if (follow != true) return;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        await http.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(FollowInterval, stop.Token).ConfigureAwait(false);
                var newest = reader.Files() is { Count: > 0 } files ? files[^1] : null;
                if (newest is null) continue;
                if (newest != file) { file = newest; position = 0; }
                var (text, end) = HubLogReader.ReadFrom(file, position);
                position = end;
                if (text.Length == 0) continue;
                await Write(body, HubLogReader.Parse(text).Where(Keep), stop.Token).ConfigureAwait(false);
                await body.FlushAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the client left or the hub stops: end the stream
        }
    }

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    private static async Task Write(Stream body, IEnumerable<HubLogEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var e in entries)
        {
            await JsonSerializer.SerializeAsync(body, e, HubAdminJsonContext.Default.HubLogEntry, cancellationToken).ConfigureAwait(false);
            await body.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        }
    }
}
