using System.Buffers;
using System.Reflection;
using System.Text.Json;

namespace Lemegeton.Gateway;

/// <summary>The gateway's own status (<c>GET /api/status</c>, read by <c>gateway status</c>).</summary>
public sealed class GatewayStatusSource(GatewayRouter router, GatewayPaths paths, TimeProvider time)
{
    public static string Version { get; } =
        typeof(GatewayStatusSource).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(GatewayStatusSource).Assembly.GetName().Version?.ToString() ?? "0";

    private readonly DateTimeOffset _started = time.GetUtcNow();

    /// <summary>The dashboard's URL once Kestrel listens.</summary>
    public string? Url { get; set; }

    public byte[] Json()
    {
        var c = router.Counters;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("pid", Environment.ProcessId);
            w.WriteString("version", Version);
            w.WriteString("startedAt", _started);
            w.WriteNumber("uptimeSeconds", (time.GetUtcNow() - _started).TotalSeconds);
            w.WriteString("repository", paths.RepositoryRoot);
            w.WriteString("socket", paths.Socket);
            if (Url is { } url) w.WriteString("url", url); else w.WriteNull("url");
            w.WriteBoolean("hubConnected", router.HubConnected);
            w.WriteNumber("browsers", router.BrowserCount);
            w.WriteStartObject("ipc");
            w.WriteNumber("connections", c.Connections);
            w.WriteNumber("events", c.Events);
            w.WriteNumber("duplicates", c.Duplicates);
            w.WriteNumber("malformed", c.Malformed);
            w.WriteNumber("oversize", c.Oversize);
            w.WriteNumber("beforeHello", c.BeforeHello);
            w.WriteNumber("unknownType", c.UnknownType);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
