using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Core.States;

namespace Lemegeton.Core.Tests.States;

public class PrStateMachinePropertyTests
{
    private static readonly ColdState[] Colds = Enum.GetValues<ColdState>();
    private static readonly TransitionActor[] Actors = Enum.GetValues<TransitionActor>();

    /// <summary>A random task list: PRs with random cold (and some hot) states and acyclic dependencies.</summary>
    private static PrStateContext RandomContext(Random random, int count)
    {
        var prs = new List<PrStatus>();
        for (var i = 0; i < count; i++)
        {
            var deps = Enumerable.Range(0, i).Where(_ => random.Next(4) == 0).Select(d => $"PR-{d:D3}").ToList();
            HotState? hot = random.Next(5) == 0 ? (HotState)random.Next(4) : null;
            prs.Add(new PrStatus($"PR-{i:D3}", Colds[random.Next(Colds.Length)], hot, deps));
        }
        return PrStateContext.From(prs);
    }

    [Fact]
    public void The_machine_never_leaves_its_table()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var ctx = RandomContext(random, random.Next(1, 12));
            var pr = ctx.Prs.ElementAt(random.Next(ctx.Prs.Count()));
            var target = PrState.All[random.Next(PrState.All.Count)];
            var request = new TransitionRequest
            {
                PrId = pr.Id, CurrentCold = pr.Cold, CurrentHot = pr.Hot, Target = target,
                Actor = Actors[random.Next(Actors.Length)], AgentType = random.Next(2) == 0 ? "qc" : "worker",
                Reason = random.Next(2) == 0 ? "because" : null, Override = random.Next(2) == 0,
            };
            var result = PrStateMachine.Transition(request, ctx);
            var from = request.Source;
            if (!result.Success) return result.NewState == from && result.Cascade.Count == 0 && result.Error is not null;
            return TransitionTable.IsAllowed(from, target)
                && result.NeedsCommit == (target.IsCold && target != from)
                && result.Cascade.All(c => c.From != c.To && TransitionTable.Find(c.From, c.To) is not null);
        }).QuickCheckThrowOnFailure();
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Cascades_reach_a_fixed_point()
    {
        Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var random = new Random(seed);
            var ctx = RandomContext(random, random.Next(2, 16));
            var pr = ctx.Prs.ElementAt(random.Next(ctx.Prs.Count()));
            var targets = TransitionTable.AllowedTargets(pr.Hot is { } h ? h : pr.Cold);
            if (targets.Count == 0) return true;
            var result = PrStateMachine.Transition(new TransitionRequest
            {
                PrId = pr.Id, CurrentCold = pr.Cold, CurrentHot = pr.Hot, Target = targets[random.Next(targets.Count)],
                Actor = TransitionActor.QC,
            }, ctx);
            if (!result.Success) return result.ErrorKind == TransitionError.DependenciesNotDone;

            var after = ctx.Apply(result.Cascade);
            var changed = result.Cascade.Where(c => c.To.IsCold).Select(c => c.PrId).Distinct();
            // Each PR moves at most once, and nothing more follows from the result.
            return result.Cascade.Select(c => c.PrId).Distinct().Count() == result.Cascade.Count
                && PrStateMachine.CascadeFrom(after, changed).Count == 0;
        }).QuickCheckThrowOnFailure();
    }
}
