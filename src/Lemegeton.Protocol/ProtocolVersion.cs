namespace Lemegeton.Protocol;

/// <summary>
/// The version of the agent ⇄ hub contract. Additive changes (a new optional field, a new message
/// type, a new error code) keep the version; anything else — renaming or removing a field, changing
/// its type or meaning, a new value in an enum the receiver must understand — needs version 2 with
/// new manifests (<c>lemegeton.v2.*</c>) beside the old ones.
/// </summary>
public static class ProtocolVersion
{
    /// <summary>The version this library speaks, sent in <see cref="Session.RegisterAgent.Protocol"/>.</summary>
    public const int Current = 1;

    /// <summary>The prefix of every version-1 manifest, e.g. <c>lemegeton.v1.Heartbeat</c>.</summary>
    public const string ManifestPrefix = "lemegeton.v1.";
}
