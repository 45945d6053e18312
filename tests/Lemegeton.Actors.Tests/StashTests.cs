using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class StashTests : ActorTestKit
{
    private sealed class GateActor : ReceiveActor, IWithUnboundedStash
    {
        public IStash Stash { get; set; } = null!;

        public GateActor(IActorRef probe)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() =>
                {
                    Receive<int>(i => probe.Tell(i, null));
                    Receive<string>(s => s == "close", _ => Become(Closed));
                });
                Stash.UnstashAll();
            });
            Receive<int>(_ => Stash.Stash());
            Receive<string>(s => s == "boom", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => s == "count", _ => Sender.Tell(Stash.Count, Self));
        }

        private void Closed() => Receive<int>(_ => Stash.Stash());
    }

    [Fact]
    public void UnstashAll_replays_in_original_order_before_newer_messages()
    {
        var a = ActorOf(Props.Create(() => new GateActor(TestActor.Ref)));
        for (var i = 0; i < 10; i++) a.Tell(i, null);
        a.Tell("count", TestActor.Ref);
        Assert.Equal(10, ExpectMsg<int>());
        a.Tell("open", null);
        a.Tell(100, null);
        for (var i = 0; i < 10; i++) Assert.Equal(i, ExpectMsg<int>());
        Assert.Equal(100, ExpectMsg<int>());
    }

    [Fact]
    public void Stash_survives_a_restart_by_returning_to_the_mailbox()
    {
        var a = ActorOf(Props.Create(() => new GateActor(TestActor.Ref)));
        a.Tell(1, null);
        a.Tell(2, null);
        a.Tell("boom", null);
        // After the restart the new instance stashes them again (it starts closed), then opens.
        a.Tell("open", null);
        Assert.Equal(1, ExpectMsg<int>());
        Assert.Equal(2, ExpectMsg<int>());
    }

    [Fact]
    public void Stash_goes_to_dead_letters_on_stop()
    {
        var a = ActorOf(Props.Create(() => new GateActor(TestActor.Ref)));
        a.Tell(7, null);
        a.Tell("count", TestActor.Ref);
        Assert.Equal(1, ExpectMsg<int>());
        Sys.Stop(a);
        Assert.Equal(7, DeadLetters.ExpectMsg<DeadLetter>().Message);
    }
}
