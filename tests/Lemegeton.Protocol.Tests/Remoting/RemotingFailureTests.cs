using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Event;
using Akka.Remote;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lemegeton.Protocol.Tests.Remoting;

/// <summary>
/// Two actor systems over Akka.Remote on loopback: the test kit's system plays the hub, a second one an
/// agent whose serializer knows types the hub does not (or writes them differently).
/// </summary>
[Trait("Category", "Slow")]
public sealed class RemotingFailureTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(RemoteSetup(TestRegistries.Receiver), "hub", output)
{
    // Generous: the machine running the suite may be busy; a passing run takes milliseconds per step.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private const string RemoteConfig = """
        akka.actor.provider = remote
        akka.remote.dot-netty.tcp.hostname = "127.0.0.1"
        akka.remote.dot-netty.tcp.port = 0
        akka.loglevel = WARNING
        """;

    private static ActorSystemSetup RemoteSetup(MessageRegistry registry) => ActorSystemSetup.Create(
        BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString(RemoteConfig)),
        LemegetonSerialization.CreateSetup(registry));

    [Fact]
    public async Task A_message_the_hub_cannot_read_is_dropped_and_logged_and_the_association_survives()
    {
        var agentSystem = ActorSystem.Create("agent", RemoteSetup(TestRegistries.Sender));
        try
        {
            var hubInbox = CreateTestProbe("hub-inbox");
            var hubLog = CreateTestProbe("hub-log");
            Sys.EventStream.Subscribe(hubLog.Ref, typeof(Warning));
            Sys.EventStream.Subscribe(hubLog.Ref, typeof(Error));
            var hubLifecycle = CreateTestProbe("hub-lifecycle");
            var agentLifecycle = CreateTestProbe(agentSystem, "agent-lifecycle");
            foreach (var (system, probe) in new[] { (Sys, hubLifecycle), (agentSystem, agentLifecycle) })
            {
                system.EventStream.Subscribe(probe.Ref, typeof(DisassociatedEvent));
                system.EventStream.Subscribe(probe.Ref, typeof(AssociationErrorEvent));
            }

            var hubAddress = ((ExtendedActorSystem)Sys).Provider.DefaultAddress;
            var inbox = await agentSystem.ActorSelection(hubInbox.Ref.Path.ToStringWithAddress(hubAddress)).ResolveOne(TimeSpan.FromSeconds(10));
            var agentSession = CreateTestProbe(agentSystem, "agent-session");

            inbox.Tell(new Heartbeat(1, HeartbeatStates.Idle), agentSession.Ref);
            Assert.Equal(1, hubInbox.ExpectMsg<Heartbeat>(Patience).Seq);

            inbox.Tell(new Rogue("a type only the agent knows"), agentSession.Ref);
            inbox.Tell(new BrokenWriter("not a number"), agentSession.Ref);
            inbox.Tell(new Heartbeat(2, HeartbeatStates.Idle), agentSession.Ref);

            // Same association, in order: the two unreadable messages never arrived, the next good one did.
            Assert.Equal(2, hubInbox.ExpectMsg<Heartbeat>(Patience).Seq);
            Assert.Equal(agentSession.Ref.Path.ToStringWithAddress(((ExtendedActorSystem)agentSystem).Provider.DefaultAddress), hubInbox.LastSender.Path.ToString());

            // Both drops were logged with the serializer's explanation.
            var logged = new List<string>();
            hubLog.FishForMessage(e =>
            {
                logged.Add(Describe((LogEvent)e));
                return logged.Any(l => l.Contains("Unknown manifest 'lemegeton.test.Rogue'")) && logged.Any(l => l.Contains("Malformed lemegeton.test.Broken payload"));
            }, Patience);

            // The association still carries traffic both ways, including an actor reference inside a message.
            inbox.Tell(new AgentSeen("worker-1", agentSession.Ref));
            var seen = hubInbox.ExpectMsg<AgentSeen>(Patience);
            seen.Agent.Tell(new Ack("c-1"));
            Assert.Equal("c-1", agentSession.ExpectMsg<Ack>(Patience).Re);

            hubLifecycle.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
            agentLifecycle.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        }
        finally
        {
            await agentSystem.Terminate();
        }
    }

    private static string Describe(LogEvent e) => $"{e.LogLevel()} {e.Message} {e.Cause}";
}
