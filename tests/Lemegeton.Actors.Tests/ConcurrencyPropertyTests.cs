using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class ConcurrencyPropertyTests
{
    private sealed record Numbered(int Sender, int Seq);

    private sealed record Report(Dictionary<int, List<int>> BySender);

    private sealed class Collector : ReceiveActor
    {
        private readonly Dictionary<int, List<int>> _seen = [];

        public Collector()
        {
            Receive<Numbered>(n =>
            {
                if (!_seen.TryGetValue(n.Sender, out var list)) _seen[n.Sender] = list = [];
                list.Add(n.Seq);
            });
            Receive<string>(_ => Sender.Tell(new Report(_seen.ToDictionary(kv => kv.Key, kv => kv.Value.ToList())), Self));
        }
    }

    private sealed class SenderActor : ReceiveActor
    {
        public SenderActor(int id, IActorRef target)
        {
            Receive<int>(count =>
            {
                for (var i = 0; i < count; i++) target.Tell(new Numbered(id, i), Self);
                Sender.Tell("sent", Self);
            });
        }
    }

    [Fact]
    public void Many_concurrent_senders_lose_nothing_duplicate_nothing_and_keep_per_sender_order()
    {
        using var kit = new ActorTestKit(useRealTime: true, configure: s => s with { Throughput = 5 });
        var property = Prop.ForAll(
            Gen.Choose(1, 12).ToArbitrary(),
            Gen.Choose(1, 3000).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (senders, perSender, fromThreads) =>
            {
                var collector = kit.ActorOf(Props.Create<Collector>());
                if (fromThreads)
                {
                    // Plain threads (no actor sender) hammer the mailbox at the same time.
                    Parallel.For(0, senders, new ParallelOptions { MaxDegreeOfParallelism = senders }, id =>
                    {
                        for (var i = 0; i < perSender; i++) collector.Tell(new Numbered(id, i), null);
                    });
                }
                else
                {
                    var actors = Enumerable.Range(0, senders).Select(id => kit.ActorOf(Props.Create(() => new SenderActor(id, collector)))).ToArray();
                    foreach (var a in actors) a.Tell(perSender, kit.TestActor.Ref);
                    kit.TestActor.ReceiveN(senders, TimeSpan.FromSeconds(30));
                    foreach (var a in actors) kit.Sys.Stop(a);
                }
                var report = collector.Ask<Report>("report", TimeSpan.FromSeconds(30)).Result;
                kit.Sys.Stop(collector);
                return report.BySender.Count == senders
                    && report.BySender.Values.All(list => list.SequenceEqual(Enumerable.Range(0, perSender)));
            });
        property.QuickCheckThrowOnFailure();
    }
}
