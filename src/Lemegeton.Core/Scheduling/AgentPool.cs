using Lemegeton.Core.Complexity;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Core.Scheduling;

/// <summary>The agents of one decision with their free slots; picks an agent for a PR by work kind, complexity, tier and strategy.</summary>
internal sealed class AgentPool
{
    private const int Kinds = 4;
    private readonly IReadOnlyList<SchedulingAgent> _agents;
    private readonly WorkKind?[] _work;
    private readonly AgentCapability[] _capability;
    private readonly int[] _free;
    private readonly int[] _assigned;
    private readonly int[] _typeCount = new int[Kinds];
    private readonly int[] _freeCount = new int[Kinds];
    private readonly int[] _maxFreeComplexity = new int[Kinds];

    public AgentPool(IReadOnlyList<SchedulingAgent> agents)
    {
        _agents = agents;
        var n = agents.Count;
        _work = new WorkKind?[n];
        _capability = new AgentCapability[n];
        _free = new int[n];
        _assigned = new int[n];
        for (var a = 0; a < n; a++)
        {
            _work[a] = AgentTypes.WorkOf(agents[a].Type);
            _capability[a] = agents[a].EffectiveCapability;
            _free[a] = Math.Max(0, agents[a].MaxConcurrent - agents[a].CurrentLoad);
            if (_work[a] is { } k)
            {
                _typeCount[(int)k]++;
                if (_free[a] > 0) _freeCount[(int)k]++;
            }
        }
        for (var k = 0; k < Kinds; k++) RefreshMaxComplexity(k);
    }

    public bool HasType(WorkKind kind) => _typeCount[(int)kind] > 0;

    public readonly record struct AgentChoice(int Agent, ModelTier Tier, WorkKind Work);

    public AgentChoice? Pick(WorkMask work, int score, PullRequest pr, AssignmentStrategy strategy, ref int roundRobin, out WaitReason wait)
    {
        wait = default;
        bool exists = false, free = false, fits = false;
        for (var k = 0; k < Kinds; k++)
        {
            if (((int)work & (1 << k)) == 0) continue;
            exists |= _typeCount[k] > 0;
            free |= _freeCount[k] > 0;
            fits |= _freeCount[k] > 0 && _maxFreeComplexity[k] >= score;
        }
        if (!fits)
        {
            wait = !exists ? new WaitReason { Kind = WaitKind.NoAgentOfType, Detail = TypesOf(work) }
                : !free ? new WaitReason { Kind = WaitKind.NoIdleAgent, Detail = TypesOf(work) }
                : new WaitReason { Kind = WaitKind.ComplexityTooHigh, Number = score };
            return null;
        }

        foreach (var tier in ModelRouting.FallbackOrder(ModelRouting.TierFor(score)))
        {
            var best = -1;
            var bestValue = double.NegativeInfinity;
            for (var a = 0; a < _agents.Count; a++)
            {
                if (_free[a] <= 0 || _work[a] is not { } k || ((int)work & (1 << (int)k)) == 0) continue;
                if (_capability[a].MaxComplexity < score) continue;
                if (_agents[a].Model is { } model && model != tier) continue;
                var value = strategy switch
                {
                    AssignmentStrategy.FirstAvailable => -a,
                    AssignmentStrategy.LoadBalanced => -(_agents[a].CurrentLoad + _assigned[a]) - a / (double)(_agents.Count + 1),
                    AssignmentStrategy.RoundRobin => -((a - roundRobin + _agents.Count) % _agents.Count),
                    _ => MatchScore(a, score, pr),
                };
                if (value > bestValue) { best = a; bestValue = value; }
            }
            if (best < 0) continue;
            Take(best);
            if (strategy == AssignmentStrategy.RoundRobin) roundRobin = (best + 1) % _agents.Count;
            return new AgentChoice(best, tier, _work[best]!.Value);
        }
        // Unreachable in practice: a free agent of the right kind and complexity serves at least one tier.
        wait = new WaitReason { Kind = WaitKind.NoIdleAgent, Detail = TypesOf(work) };
        return null;
    }

    // The reference's capability_matched score (spec §7.5), with the capability of the agent's type.
    private double MatchScore(int a, int score, PullRequest pr)
    {
        var capability = _capability[a];
        double value = (10 - Math.Abs(capability.MaxComplexity - score)) * 2;
        if (pr.Complexity?.SuggestedModel is { } suggested && suggested == capability.PreferredModel) value += 5;
        value *= capability.SuccessRate;
        value *= pr.Priority switch { Priority.Critical => 1.5, Priority.High => 1.2, _ => 1.0 };
        value += _work[a] switch
        {
            WorkKind.Planning when score >= 8 => 10,
            WorkKind.QualityCheck when pr.Title.Contains("test", StringComparison.OrdinalIgnoreCase) => 8,
            WorkKind.Review when pr.Title.Contains("doc", StringComparison.OrdinalIgnoreCase) => 8,
            WorkKind.Implementation => 5,
            _ => 0,
        };
        return value;
    }

    private void Take(int a)
    {
        _free[a]--;
        _assigned[a]++;
        if (_free[a] == 0 && _work[a] is { } k)
        {
            _freeCount[(int)k]--;
            RefreshMaxComplexity((int)k);
        }
    }

    private void RefreshMaxComplexity(int kind)
    {
        var max = 0;
        for (var a = 0; a < _agents.Count; a++)
            if (_free[a] > 0 && _work[a] is { } k && (int)k == kind) max = Math.Max(max, _capability[a].MaxComplexity);
        _maxFreeComplexity[kind] = max;
    }

    private static string TypesOf(WorkMask work) => work switch
    {
        WorkMask.Planning => AgentTypes.Planning,
        WorkMask.Implementation => AgentTypes.Worker,
        _ => $"{AgentTypes.Qc} or {AgentTypes.Review}",
    };
}
