using System.Text.Json.Serialization;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Serialization;

/// <summary>
/// Source-generated JSON metadata of the protocol messages: camelCase names, enums as strings, null
/// fields left out. Unknown JSON properties are ignored, so a newer sender's additive fields do not
/// break an older receiver.
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
public sealed partial class ProtocolJsonContext : JsonSerializerContext;
