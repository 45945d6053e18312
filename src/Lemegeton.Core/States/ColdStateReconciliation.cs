namespace Lemegeton.Core.States;

/// <summary>
/// On hub start, the cold states in the journal against those committed in git. The journal may be
/// ahead of git (cold transitions journaled but not committed before a crash): those are committed
/// again, in journal order (the mirror skips any already recorded). Git may also hold a cold state the
/// journal never produced (a person edited the task list): then git wins for that PR.
/// </summary>
public static class ColdStateReconciliation
{
    /// <summary>
    /// The PRs where git wins. A PR is consistent when git shows its journaled cold state, or any cold
    /// state on the chain of its <paramref name="uncommitted"/> transitions (git lags behind; the
    /// re-commits bring it forward). Otherwise git wins: the journal is moved to git's state and the
    /// PR's uncommitted transitions are dropped. PRs git does not know are left alone (the task list
    /// handles them).
    /// </summary>
    /// <param name="journal">Cold state per PR after replaying the journal.</param>
    /// <param name="uncommitted">Cold transitions not known to be in git, in journal order.</param>
    /// <param name="git">Cold state per PR in the task list at HEAD.</param>
    public static IReadOnlyList<GitWins> Decide(
        IReadOnlyDictionary<string, ColdState> journal,
        IReadOnlyList<UncommittedTransition> uncommitted,
        IReadOnlyDictionary<string, ColdState> git)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(uncommitted);
        ArgumentNullException.ThrowIfNull(git);
        var chains = new Dictionary<string, HashSet<ColdState>>(StringComparer.Ordinal);
        foreach (var t in uncommitted)
        {
            if (!chains.TryGetValue(t.PrId, out var chain)) chains[t.PrId] = chain = [];
            if (t.From.Cold is { } from) chain.Add(from);
            chain.Add(t.To);
        }
        var wins = new List<GitWins>();
        foreach (var (id, state) in journal.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (!git.TryGetValue(id, out var committed) || committed == state) continue;
            if (chains.TryGetValue(id, out var chain) && chain.Contains(committed)) continue;
            wins.Add(new GitWins(id, state, committed));
        }
        return wins;
    }
}
