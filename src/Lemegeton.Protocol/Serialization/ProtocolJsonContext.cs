using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Serialization;

/// <summary>
/// Source-generated JSON metadata of the protocol messages: camelCase names, enums as strings, null
/// fields left out. Unknown JSON properties are ignored, so a newer sender's additive fields do not
/// break an older receiver. The wire uses <see cref="Wire"/>, which writes non-ASCII text as UTF-8
/// instead of <c>\uXXXX</c> escapes.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterAgent))]
[JsonSerializable(typeof(Welcome))]
[JsonSerializable(typeof(Heartbeat))]
[JsonSerializable(typeof(Bye))]
[JsonSerializable(typeof(Ack))]
[JsonSerializable(typeof(AssignPr))]
[JsonSerializable(typeof(ProgressReport))]
[JsonSerializable(typeof(CompletePr))]
[JsonSerializable(typeof(FailPr))]
[JsonSerializable(typeof(RevokePr))]
[JsonSerializable(typeof(AcquireLeases))]
[JsonSerializable(typeof(LeasesGranted))]
[JsonSerializable(typeof(LeasesDenied))]
[JsonSerializable(typeof(ReleaseLeases))]
[JsonSerializable(typeof(ModeAnnouncement))]
[JsonSerializable(typeof(Shutdown))]
[JsonSerializable(typeof(ProtocolError))]
[JsonSerializable(typeof(ExplainPrRequest))]
[JsonSerializable(typeof(PrExplained))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the protocol registry uses: the generated options plus relaxed escaping (payloads go
    /// to Akka and journals, never into HTML), so text stays readable and at most 3 bytes a character.
    /// </summary>
    public static ProtocolJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
