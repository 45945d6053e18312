using System.CommandLine;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Admin;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// One operator command's conversation with the hub's admin API: finds the socket from the
/// configuration, sends requests (naming the operator), maps errors to exit codes (3 no hub, 4 not
/// found, 2 bad request, 1 refused or failed) and writes JSON or tables.
/// </summary>
internal sealed class HubCall
{
    private readonly HubAdminClient _client;

    private HubCall(HubAdminClient client, HubCommandSettings settings, ParseResult result, bool json)
    {
        _client = client;
        Settings = settings;
        Output = result.InvocationConfiguration.Output;
        Error = result.InvocationConfiguration.Error;
        Json = json;
    }

    public HubCommandSettings Settings { get; }
    public TextWriter Output { get; }
    public TextWriter Error { get; }
    public bool Json { get; }
    public IAnsiConsole Console => Terminal.For(Output);

    /// <summary>Who the journal records as having asked.</summary>
    public static string Operator => $"{Environment.UserName}@{Environment.MachineName}";

    /// <summary>Runs <paramref name="body"/> against the hub of this repository and returns its exit code.</summary>
    public static int Run(ParseResult result, CliEnvironment environment, Option<bool>? json, Func<HubCall, Task<int>> body, TimeSpan? timeout = null)
    {
        var settings = HubCommandSettings.Load(result, environment);
        if (settings is null) return CliExitCodes.Usage;
        using var client = new HubAdminClient(settings.Paths.AdminSocket, timeout ?? TimeSpan.FromSeconds(15));
        var call = new HubCall(client, settings, result, json is not null && result.GetValue(json));
        try
        {
            return body(call).GetAwaiter().GetResult();
        }
        catch (HubNotRunningException)
        {
            call.Error.WriteLine(NotRunningMessage(settings));
            return CliExitCodes.HubNotRunning;
        }
        catch (HubCallFailedException e)
        {
            call.Error.WriteLine($"lemegeton: {TerminalText.Escape(e.Message)}");
            return e.ExitCode;
        }
        catch (HttpRequestException e)
        {
            call.Error.WriteLine($"lemegeton: the hub did not answer properly: {TerminalText.Escape(e.Message)}");
            return CliExitCodes.Failure;
        }
        catch (TaskCanceledException)
        {
            call.Error.WriteLine($"lemegeton: the hub did not answer in time on {TerminalText.Escape(client.AdminSocket)}; see its log in {TerminalText.Escape(settings.LogDirectory)}");
            return CliExitCodes.Failure;
        }
    }

    public static string NotRunningMessage(HubCommandSettings settings) =>
        $"lemegeton: no hub is running in {TerminalText.Escape(settings.Product.RepositoryRoot)} (nothing answers on {TerminalText.Escape(settings.Paths.AdminSocket)}); start one with 'lemegeton hub start'";

    public Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<JsonElement> PostAsync(string path, JsonObject? body = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent((body ?? []).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return SendAsync(request, cancellationToken);
    }

    /// <summary>Sends a request and returns the response itself (for streams); errors are mapped as for the others.</summary>
    public async Task<HttpResponseMessage> OpenAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        request.Headers.Add(CoordinatorAdminEndpoints.OperatorHeader, Operator);
        var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await Failure(request, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonElement> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await OpenAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static async Task<HubCallFailedException> Failure(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(text);
            message = doc.RootElement.GetProperty("message").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
        }
        if (message is null)
        {
            // No {code, message}: the path itself is not served (an older hub, or one without its actor system).
            return new HubCallFailedException(response.StatusCode == HttpStatusCode.NotFound
                ? $"this hub does not serve {request.RequestUri} (an older version, or its actor system is not running)"
                : $"{(int)response.StatusCode} {response.ReasonPhrase}", CliExitCodes.Failure);
        }
        var code = response.StatusCode switch
        {
            HttpStatusCode.NotFound => CliExitCodes.NotFound,
            HttpStatusCode.BadRequest => CliExitCodes.Usage,
            _ => CliExitCodes.Failure,
        };
        return new HubCallFailedException(message, code);
    }

    /// <summary>Writes a JSON value indented, as the API gave it (the shapes are in docs/admin-api.md).</summary>
    public void WriteJson(JsonElement element) => Output.WriteLine(Indented(element));

    public static string Indented(JsonElement element)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            element.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Prints an operator action's answer (<c>{ok, message}</c>).</summary>
    public int WriteResult(JsonElement result)
    {
        if (Json) WriteJson(result);
        else Output.WriteLine(TerminalText.Escape(result.GetProperty("message").GetString()));
        return CliExitCodes.Success;
    }

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;

    public static string Cell(JsonElement e, string name) => TerminalText.Markup(Str(e, name) ?? "-");

    public static string List(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0
            ? TerminalText.Markup(string.Join(", ", v.EnumerateArray().Select(x => x.ToString())))
            : "-";
}
