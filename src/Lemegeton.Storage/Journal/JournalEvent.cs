using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lemegeton.Storage.Journal;

/// <summary>
/// One change of hot or cold state: a type (see <see cref="JournalEventTypes"/>), when it
/// happened, and its data. The journal gives it a sequence number when it is written.
/// </summary>
public sealed record JournalEvent(string Type, DateTimeOffset Time, JsonElement Data)
{
    public static JournalEvent Create<T>(string type, T data, JsonTypeInfo<T> typeInfo, DateTimeOffset time) =>
        new(type, time, JsonSerializer.SerializeToElement(data, typeInfo));

    public T DataAs<T>(JsonTypeInfo<T> typeInfo) => Data.Deserialize(typeInfo)!;

    /// <summary>The body as written to a journal: <c>{"type":..,"time":..,"data":..}</c>, compact UTF-8.</summary>
    public byte[] ToBodyUtf8()
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", Type);
            w.WriteString("time", Time);
            w.WritePropertyName("data");
            Data.WriteTo(w);
            w.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads an event from an envelope or body object (extra properties such as seq are ignored).</summary>
    public static JournalEvent FromJson(JsonElement e)
    {
        var type = e.GetProperty("type").GetString() ?? throw new JsonException("Journal event without a type.");
        var time = e.GetProperty("time").GetDateTimeOffset();
        var data = e.TryGetProperty("data", out var d) ? d.Clone() : default;
        return new JournalEvent(type, time, data);
    }
}
