using System.Text.Json.Serialization;

namespace Lemegeton.Protocol.Work;

/// <summary>
/// What an <see cref="AssignPr"/> asks for. Written as the lower-case names below; a new value is a
/// breaking change for agents (they could not read the assignment) and needs a new protocol version.
/// </summary>
public enum WorkKind
{
    /// <summary>Investigate and plan the PR (planning agents).</summary>
    [JsonStringEnumMemberName("plan")] Plan,

    /// <summary>Implement the PR (worker agents).</summary>
    [JsonStringEnumMemberName("implement")] Implement,

    /// <summary>Check a completed PR (qc agents).</summary>
    [JsonStringEnumMemberName("qc")] Qc,

    /// <summary>Review a completed PR (review agents).</summary>
    [JsonStringEnumMemberName("review")] Review,
}
