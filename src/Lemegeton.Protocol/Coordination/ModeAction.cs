using System.Text.Json.Serialization;

namespace Lemegeton.Protocol.Coordination;

/// <summary>What a <see cref="ModeAnnouncement"/> tells agents to do, written in upper snake case.</summary>
public enum ModeAction
{
    /// <summary>Commit on <c>agent-{agent}-{pr}</c> branches instead of the working branch.</summary>
    [JsonStringEnumMemberName("SWITCH_TO_BRANCHES")] SwitchToBranches,

    /// <summary>Coordination is back: the hub merges the agent branches into main.</summary>
    [JsonStringEnumMemberName("MERGE_TO_MAIN")] MergeToMain,

    /// <summary>Work without a shared store; leases are the hub's alone.</summary>
    [JsonStringEnumMemberName("WORK_ISOLATED")] WorkIsolated,

    /// <summary>Back to normal, shared coordination.</summary>
    [JsonStringEnumMemberName("RESUME_COORDINATION")] ResumeCoordination,
}
