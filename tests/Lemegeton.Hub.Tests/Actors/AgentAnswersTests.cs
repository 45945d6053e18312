using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>What an agent answers to an AssignPr (docs/protocol.md): <c>Ack</c>, or a refusal the hub acts on.</summary>
[Trait("Category", "Slow")]
public sealed class AgentAnswersTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_ack_of_an_assignment_is_taken_silently_and_a_refusal_hands_the_pr_out_again()
    {
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(1, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5));
        var kit = new TestKit(cluster.Hub);
        var agent = kit.CreateTestProbe();
        agent.Send(cluster.HubProxy, new RegisterAgent("r1", 1, "answers", AgentTypes.Worker, "sonnet", 10));
        agent.ExpectMsg<Welcome>(Patience);
        var session = agent.LastSender;

        // Refused: the PR is released and assigned again (here to the same agent, the only one), with a newer token.
        var first = agent.ExpectMsg<AssignPr>(Patience);
        session.Tell(new ProtocolError(ErrorCodes.AtCapacity, "already busy", first.CorrelationId), agent.Ref);
        var again = agent.ExpectMsg<AssignPr>(Patience);
        Assert.Equal(first.PrId, again.PrId);
        Assert.True(again.FencingToken > first.FencingToken);
        Assert.Contains(cluster.Log.Events.OfType<PrReleased>(), r => r.PrId == first.PrId && r.Reason.Contains("refused by answers: at-capacity", StringComparison.Ordinal));

        // Acked: no error comes back; the next answer the agent gets is the one to its next request.
        session.Tell(new Ack(again.CorrelationId), agent.Ref);
        session.Tell(new AcquireLeases("l1", again.PrId, again.Files), agent.Ref);
        Assert.Equal("l1", agent.ExpectMsg<LeasesGranted>(Patience).Re);
    }
}
