namespace Lemegeton.Core.States;

/// <summary>
/// The PR state machine (spec §3): validates a move against the 23-rule table, enforces the guard
/// rules (QC-only approval and breakage, ready only with every dependency done), and computes the
/// cascade on dependents. Stateless and pure: the caller commits and persists.
/// </summary>
public static class PrStateMachine
{
    /// <summary>Agent type whose agents count as QC.</summary>
    public const string QcAgentType = "qc";

    /// <summary>Validates and applies one move against <paramref name="context"/> (the task list's PRs).</summary>
    public static TransitionResult Transition(TransitionRequest request, PrStateContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var from = request.Source;
        var to = request.Target;
        var allowed = TransitionTable.AllowedTargets(from);

        TransitionResult Fail(TransitionError kind, string error) => new()
        {
            Success = false, PrId = request.PrId, From = from, To = to, ErrorKind = kind, Error = error, AllowedTargets = allowed,
        };

        var self = context.Find(request.PrId);
        if (self is null)
            return Fail(TransitionError.UnknownPr, $"{request.PrId} is not in the task list; check the PR id.");

        if (from == to)
            return new TransitionResult { Success = true, PrId = request.PrId, From = from, To = to, AllowedTargets = allowed };

        var rule = TransitionTable.Find(from, to);
        if (rule is null)
            return Fail(TransitionError.NotAllowed,
                $"Invalid transition for {request.PrId}: {Describe(from)} → {Describe(to)} is not allowed. {AllowedText(from, allowed)}");

        if (to.Cold is ColdState.Approved or ColdState.Broken && !MayJudge(request))
            return Fail(TransitionError.RequiresQc,
                $"Only QC may move {request.PrId} from {from} to {to}; an operator may force it with an override and a reason.");

        if (to.Cold is ColdState.Ready)
        {
            var pending = self.Dependencies
                .Where(d => context.Find(d) is not { IsDone: true })
                .Select(d => context.Find(d) is { } dep ? $"{d} ({StateOf(dep)})" : $"{d} (not in the task list)")
                .ToList();
            if (pending.Count > 0)
                return Fail(TransitionError.DependenciesNotDone,
                    $"{request.PrId} cannot become ready: waiting for {string.Join(", ", pending)}. A PR is ready only when every dependency is completed or approved.");
        }

        var first = new CascadedTransition(request.PrId, from, to, string.IsNullOrWhiteSpace(request.Reason) ? rule.Description : request.Reason);
        var cascade = new List<CascadedTransition> { first };
        if (to.IsCold)
        {
            var overlay = new Dictionary<string, PrStatus>(StringComparer.Ordinal)
            {
                [request.PrId] = self with { Cold = to.Cold!.Value, Hot = null },
            };
            Settle(context, overlay, [request.PrId], cascade);
        }

        return new TransitionResult
        {
            Success = true, PrId = request.PrId, From = from, To = to, AllowedTargets = allowed,
            Rule = rule, NeedsCommit = rule.NeedsCommit, Cascade = cascade,
        };
    }

    /// <summary>
    /// The transitions that follow from the current states of <paramref name="changed"/> PRs, until
    /// nothing more changes: dependents of a completed or approved PR whose dependencies are now all
    /// done become ready (from new or blocked); dependents in ready or planned of a PR that is not done
    /// (broken, blocked, …) become blocked. PRs with a hot state are left to the agent working on them.
    /// </summary>
    public static IReadOnlyList<CascadedTransition> CascadeFrom(PrStateContext context, IEnumerable<string> changed)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = new List<CascadedTransition>();
        Settle(context, new Dictionary<string, PrStatus>(StringComparer.Ordinal), changed, result);
        return result;
    }

    private static void Settle(PrStateContext context, Dictionary<string, PrStatus> overlay, IEnumerable<string> seeds, List<CascadedTransition> output)
    {
        PrStatus? Get(string id) => overlay.TryGetValue(id, out var s) ? s : context.Find(id);

        var queue = new Queue<string>(seeds);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (Get(id) is not { } pr) continue;
            foreach (var dependentId in context.DependentsOf(id))
            {
                if (Get(dependentId) is not { Hot: null } dependent) continue;
                if (pr.IsDone && dependent.Cold is ColdState.New or ColdState.Blocked
                    && dependent.Dependencies.All(d => Get(d) is { IsDone: true }))
                {
                    overlay[dependentId] = dependent with { Cold = ColdState.Ready };
                    output.Add(new CascadedTransition(dependentId, dependent.Cold, ColdState.Ready,
                        $"all dependencies done ({id} {pr.Cold.ToWire()})"));
                    queue.Enqueue(dependentId);
                }
                else if (!pr.IsDone && dependent.Cold is ColdState.Ready or ColdState.Planned)
                {
                    overlay[dependentId] = dependent with { Cold = ColdState.Blocked };
                    output.Add(new CascadedTransition(dependentId, dependent.Cold, ColdState.Blocked,
                        $"dependency {id} is {pr.Cold.ToWire()}"));
                    queue.Enqueue(dependentId);
                }
            }
        }
    }

    private static bool MayJudge(TransitionRequest request) => request.Actor switch
    {
        TransitionActor.QC => true,
        TransitionActor.Agent => string.Equals(request.AgentType, QcAgentType, StringComparison.OrdinalIgnoreCase),
        TransitionActor.Operator => request.Override && !string.IsNullOrWhiteSpace(request.Reason),
        _ => false,
    };

    private static string StateOf(PrStatus pr) => pr.Hot is { } hot ? hot.ToWire() : pr.Cold.ToWire();

    private static string Describe(PrState state) => $"{state} ({(state.IsCold ? "cold" : "hot")})";

    private static string AllowedText(PrState from, IReadOnlyList<PrState> allowed) =>
        allowed.Count == 0 ? $"Nothing leaves {from}." : $"Allowed from {from}: {string.Join(", ", allowed)}.";
}
