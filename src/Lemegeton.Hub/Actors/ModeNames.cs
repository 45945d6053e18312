using Lemegeton.Protocol.Coordination;

namespace Lemegeton.Hub.Actors;

/// <summary>Wire names of <see cref="CoordinationMode"/> and <see cref="ModeAction"/> as the journal stores them.</summary>
public static class ModeNames
{
    public static string ToWire(CoordinationMode mode) => mode switch
    {
        CoordinationMode.Degraded => "degraded",
        CoordinationMode.Isolated => "isolated",
        _ => "distributed",
    };

    public static CoordinationMode Parse(string? wire) => wire switch
    {
        "degraded" => CoordinationMode.Degraded,
        "isolated" => CoordinationMode.Isolated,
        _ => CoordinationMode.Distributed,
    };

    public static string ToWire(ModeAction action) => action switch
    {
        ModeAction.SwitchToBranches => "SWITCH_TO_BRANCHES",
        ModeAction.MergeToMain => "MERGE_TO_MAIN",
        ModeAction.WorkIsolated => "WORK_ISOLATED",
        _ => "RESUME_COORDINATION",
    };

    /// <summary>What agents are told when the hub moves from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static ModeAction ActionFor(CoordinationMode from, CoordinationMode to) => (from, to) switch
    {
        (_, CoordinationMode.Degraded) => ModeAction.SwitchToBranches,
        (_, CoordinationMode.Isolated) => ModeAction.WorkIsolated,
        (CoordinationMode.Degraded, CoordinationMode.Distributed) => ModeAction.MergeToMain,
        _ => ModeAction.ResumeCoordination,
    };
}
