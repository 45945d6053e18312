using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using Akka.TestKit.Xunit2;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Queries;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// An agent on its own node asks the hub, through its session and over remoting, why a PR waits
/// (<see cref="ExplainPrRequest"/>): the coordinator answers with <see cref="PrExplained"/>, or
/// <c>pr-not-found</c> for a PR the task list does not have, and goes on answering.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ExplainPrClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_agent_asking_why_a_pr_waits_hears_which_dependency_and_who_works_on_it_and_an_unknown_pr_is_not_found()
    {
        // PR-001 is ready; PR-002 depends on it.
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(2, i => i == 2 ? [TestTaskLists.Id(1)] : []),
            heartbeatTimeout: TimeSpan.FromMinutes(5));
        var (node, proxy) = cluster.StartAgentNode();
        var agent = new TestKit(node).CreateTestProbe();
        agent.Send(proxy, new RegisterAgent("r-asker", 1, "asker", AgentTypes.Worker, "sonnet", 10));
        agent.ExpectMsg<Welcome>(Patience);
        var session = agent.LastSender;
        Assert.Equal("PR-001", agent.ExpectMsg<AssignPr>(Patience).PrId);

        session.Tell(new ExplainPrRequest("why-2", "PR-002"), agent.Ref);
        var waiting = agent.ExpectMsg<PrExplained>(Patience);
        Assert.Equal(("why-2", "PR-002", "new", false), (waiting.Re, waiting.PrId, waiting.ColdState, waiting.Running));
        var dependency = Assert.Single(waiting.Reasons, r => r.Code == "dependency-pending");
        Assert.Equal(("PR-001", "asker"), (dependency.PrId, dependency.AgentId));
        Assert.Contains("waiting for dependency PR-001", dependency.Text);

        session.Tell(new ExplainPrRequest("why-1", "PR-001"), agent.Ref);
        var running = agent.ExpectMsg<PrExplained>(Patience);
        Assert.Equal(("why-1", true, "asker"), (running.Re, running.Running, running.AgentId));

        session.Tell(new ExplainPrRequest("why-9", "PR-999"), agent.Ref);
        var unknown = agent.ExpectMsg<ProtocolError>(Patience);
        Assert.Equal((ErrorCodes.PrNotFound, "why-9"), (unknown.Code, unknown.Re));
        Assert.Contains("no PR 'PR-999'", unknown.Message);

        session.Tell(new ExplainPrRequest("why-x", "PR 2"), agent.Ref);
        var malformed = agent.ExpectMsg<ProtocolError>(Patience);
        Assert.Equal((ErrorCodes.InvalidMessage, "why-x"), (malformed.Code, malformed.Re));

        // The coordinator is unharmed: the same question is answered again.
        session.Tell(new ExplainPrRequest("why-2b", "PR-002"), agent.Ref);
        Assert.Equal("why-2b", agent.ExpectMsg<PrExplained>(Patience).Re);
    }
}
