using System.Text.Json.Serialization;

namespace Lemegeton.Protocol.Coordination;

/// <summary>The hub's coordination mode, written in lower case.</summary>
public enum CoordinationMode
{
    /// <summary>Shared Redis healthy; strict leases journaled to Redis.</summary>
    [JsonStringEnumMemberName("distributed")] Distributed,

    /// <summary>Redis lost after start; agents commit on their own branches.</summary>
    [JsonStringEnumMemberName("degraded")] Degraded,

    /// <summary>No Redis at all; this machine only.</summary>
    [JsonStringEnumMemberName("isolated")] Isolated,
}
