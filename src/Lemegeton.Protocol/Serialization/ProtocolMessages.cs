using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Protocol.Serialization;

/// <summary>
/// The registry of every protocol v1 message. The manifests are part of the wire format: never change
/// one; add new types with new manifests.
/// </summary>
public static class ProtocolMessages
{
    private static readonly ProtocolJsonContext Json = ProtocolJsonContext.Wire;

    public static MessageRegistry Registry { get; } = MessageRegistry.CreateBuilder()
        .Add(Manifest("RegisterAgent"), Json.RegisterAgent)
        .Add(Manifest("Welcome"), Json.Welcome)
        .Add(Manifest("Heartbeat"), Json.Heartbeat)
        .Add(Manifest("Bye"), Json.Bye)
        .Add(Manifest("Ack"), Json.Ack)
        .Add(Manifest("AssignPr"), Json.AssignPr)
        .Add(Manifest("ProgressReport"), Json.ProgressReport)
        .Add(Manifest("CompletePr"), Json.CompletePr)
        .Add(Manifest("FailPr"), Json.FailPr)
        .Add(Manifest("RevokePr"), Json.RevokePr)
        .Add(Manifest("AcquireLeases"), Json.AcquireLeases)
        .Add(Manifest("LeasesGranted"), Json.LeasesGranted)
        .Add(Manifest("LeasesDenied"), Json.LeasesDenied)
        .Add(Manifest("ReleaseLeases"), Json.ReleaseLeases)
        .Add(Manifest("ModeAnnouncement"), Json.ModeAnnouncement)
        .Add(Manifest("Shutdown"), Json.Shutdown)
        .Add(Manifest("ProtocolError"), Json.ProtocolError)
        .Add(Manifest("ExplainPrRequest"), Json.ExplainPrRequest)
        .Add(Manifest("PrExplained"), Json.PrExplained)
        .Build();

    private static string Manifest(string name) => ProtocolVersion.ManifestPrefix + name;
}
