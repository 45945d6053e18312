namespace Lemegeton.Core.States;

/// <summary>
/// The 23 allowed PR transitions (spec §3.2). Same-state "transitions" are always valid no-ops and
/// are not rules. Deliberately absent: any way back from a hot state to its previous cold state,
/// <c>ready → planned</c>, <c>new → in-progress</c>, and anything leaving <c>approved</c> except
/// <c>broken</c>.
/// </summary>
public static class TransitionTable
{
    public static IReadOnlyList<TransitionRule> Rules { get; } =
    [
        new(1, ColdState.New, ColdState.Ready, "Dependencies met; ready to be picked up"),
        new(2, ColdState.New, ColdState.Blocked, "Dependencies not met"),
        new(3, ColdState.Blocked, ColdState.Ready, "Dependencies completed; unblocked"),
        new(4, ColdState.Ready, ColdState.Blocked, "A dependency regressed or appeared"),
        new(5, ColdState.Planned, ColdState.Blocked, "A dependency regressed or appeared"),
        new(6, ColdState.Completed, ColdState.Approved, "QC passed"),
        new(7, ColdState.Completed, ColdState.Broken, "QC failed"),
        new(8, ColdState.Approved, ColdState.Broken, "Regression found after approval"),
        new(9, ColdState.Broken, ColdState.Planned, "Fix planned"),
        new(10, HotState.Investigating, HotState.Planning, "Investigation done; writing the plan"),
        new(11, HotState.Planning, HotState.InProgress, "Plan written; implementing"),
        new(12, HotState.InProgress, HotState.UnderReview, "Implementation done; under review"),
        new(13, ColdState.Ready, HotState.Investigating, "Agent started investigating"),
        new(14, ColdState.Ready, HotState.InProgress, "Agent started implementing"),
        new(15, ColdState.Planned, HotState.InProgress, "Agent started implementing the plan"),
        new(16, ColdState.Planned, HotState.Investigating, "Agent started re-investigating"),
        new(17, ColdState.Completed, HotState.UnderReview, "QC started reviewing"),
        new(18, ColdState.Broken, HotState.Investigating, "Agent started investigating the failure"),
        new(19, HotState.Investigating, ColdState.Planned, "Investigation produced a plan"),
        new(20, HotState.Planning, ColdState.Planned, "Plan committed"),
        new(21, HotState.InProgress, ColdState.Completed, "Implementation completed"),
        new(22, HotState.UnderReview, ColdState.Approved, "Review passed"),
        new(23, HotState.UnderReview, ColdState.Broken, "Review failed"),
    ];

    private static readonly Dictionary<(PrState, PrState), TransitionRule> ByPair =
        Rules.ToDictionary(r => (r.From, r.To));

    private static readonly Dictionary<PrState, PrState[]> Targets =
        PrState.All.ToDictionary(s => s, s => Rules.Where(r => r.From == s).Select(r => r.To).ToArray());

    /// <summary>The rule for a move, or null when the move is not allowed (or is a same-state no-op).</summary>
    public static TransitionRule? Find(PrState from, PrState to) => ByPair.GetValueOrDefault((from, to));

    /// <summary>True for every rule and for every same-state move.</summary>
    public static bool IsAllowed(PrState from, PrState to) => from == to || ByPair.ContainsKey((from, to));

    /// <summary>The states reachable in one move from <paramref name="from"/>, in rule order (the no-op excluded).</summary>
    public static IReadOnlyList<PrState> AllowedTargets(PrState from) => Targets[from];

    /// <summary>True exactly when the target is a cold state different from the source.</summary>
    public static bool NeedsCommit(PrState from, PrState to) => to.IsCold && from != to;
}
