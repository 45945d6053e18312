using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization.Metadata;

namespace Lemegeton.Hub.Admin;

/// <summary>A client of the hub's admin API: HTTP+JSON over the Unix socket <c>.lemegeton/hub.sock</c>.</summary>
public sealed class HubAdminClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="adminSocket">Path of the hub's admin socket.</param>
    /// <param name="timeout">Bound of each request.</param>
    public HubAdminClient(string adminSocket, TimeSpan? timeout = null)
    {
        AdminSocket = adminSocket;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(adminSocket), cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            UseProxy = false,
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://hub/"), Timeout = timeout ?? TimeSpan.FromSeconds(10) };
    }

    public string AdminSocket { get; }

    /// <summary><c>GET /v1/status</c>.</summary>
    /// <exception cref="HubNotRunningException">Nothing listens on the socket.</exception>
    public Task<HubStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "v1/status"), HubAdminJsonContext.Default.HubStatus, cancellationToken);

    /// <summary><c>POST /v1/shutdown</c>: begins the graceful shutdown and returns at once.</summary>
    /// <exception cref="HubNotRunningException">Nothing listens on the socket.</exception>
    public Task<HubShutdownAccepted> RequestShutdownAsync(CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "v1/shutdown"), HubAdminJsonContext.Default.HubShutdownAccepted, cancellationToken);

    /// <summary>Sends any request to the admin API (for endpoints added by the actor tree).</summary>
    /// <exception cref="HubNotRunningException">Nothing listens on the socket.</exception>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default) =>
        SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);

    /// <summary>Sends any request; with <see cref="HttpCompletionOption.ResponseHeadersRead"/> the body can be read as a stream (<c>/v1/logs?follow=true</c>).</summary>
    /// <exception cref="HubNotRunningException">Nothing listens on the socket.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(AdminSocket)) throw new HubNotRunningException(AdminSocket);
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            throw new HubNotRunningException(AdminSocket, e);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = await TryReadError(response, cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {error?.Message ?? response.ReasonPhrase}", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
            ?? throw new HttpRequestException($"{request.Method} {request.RequestUri}: empty answer", null, response.StatusCode);
    }

    private static async Task<HubAdminError?> TryReadError(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try { return await response.Content.ReadFromJsonAsync(HubAdminJsonContext.Default.HubAdminError, cancellationToken).ConfigureAwait(false); }
        catch (System.Text.Json.JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }

    /// <summary>True for a status code that means the hub refused because it is stopping.</summary>
    public static bool IsStopping(HttpRequestException e) => e.StatusCode == HttpStatusCode.ServiceUnavailable;
}
