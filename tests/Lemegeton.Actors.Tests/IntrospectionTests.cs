using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class IntrospectionTests : ActorTestKit
{
    [Fact]
    public void Snapshot_shows_paths_types_depths_counts_and_restarts()
    {
        var gate = new ManualResetEventSlim();
        var parent = ActorOf(Props.Create(() => new SupervisorActor(SupervisorStrategy.DefaultStrategy)), "parent");
        var child = this.CreateChild(parent, Props.Create(() => new LifecycleProbeActor(TestActor.Ref, "kid")), "kid");
        TestActor.ExpectMsgs("ctorkid", "preStartkid");
        child.Tell(new InvalidOperationException("x"), null);
        TestActor.FishForMessage<string>(s => s == "preStartkid");
        var blocker = ActorOf(Props.Create(() => new BlockOnce(gate)), "blocker");
        blocker.Tell("block", null);
        blocker.Tell("a", null);
        blocker.Tell("b", null);
        AwaitCondition(() => Node("/user/blocker").MailboxDepth == 2);

        var tree = Sys.GetActorTree();
        Assert.Equal("/", tree.Path);
        Assert.Equal(["/system", "/user"], tree.Children.Select(c => c.Path));
        Assert.Equal(1, Node("/user/parent/kid").Restarts);
        Assert.Equal(typeof(LifecycleProbeActor).FullName, Node("/user/parent/kid").ActorType);
        Assert.Equal(1, Node("/user/parent").MessagesProcessed);
        Assert.Contains(tree.Descendants(), n => n.Path == "/system/testActor");
        gate.Set();
        AwaitCondition(() => Node("/user/blocker") is { MailboxDepth: 0, MessagesProcessed: 3 });
    }

    private ActorTreeNode Node(string path) => Sys.GetActorTree().Descendants().Single(n => n.Path == path);

    private sealed class BlockOnce : ReceiveActor
    {
        public BlockOnce(ManualResetEventSlim gate)
        {
            Receive<string>(s => s == "block", _ => gate.Wait(TimeSpan.FromSeconds(10)));
            Receive<string>(_ => { });
        }
    }
}
