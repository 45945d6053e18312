using System.Buffers;
using System.Text.Json;

namespace Lemegeton.Hub.Gateway;

/// <summary>Writing and reading the NDJSON lines of the hub ⇄ gateway protocol (ipc-protocol.md).</summary>
public static class GatewayWire
{
    /// <summary>One line: an object with the fields <paramref name="body"/> writes plus <c>ts</c>, and the newline.</summary>
    public static byte[] Line(Action<Utf8JsonWriter> body, TimeProvider time)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteNumber("ts", time.GetUtcNow().ToUnixTimeMilliseconds());
            w.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
