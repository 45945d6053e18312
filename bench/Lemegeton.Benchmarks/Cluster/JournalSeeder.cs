using Akka.Actor;
using Akka.Persistence;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Benchmarks.Cluster;

/// <summary>
/// Writes a coordinator journal of a given length under the coordinator's persistence id, in the
/// hub's own event types: cycles of a session registering, being assigned a PR, leasing its files,
/// releasing them and leaving (five events, each applied to a <see cref="CoordinatorState"/> as
/// the coordinator would), in batches of 1,000; optionally a snapshot of the final state, as the
/// coordinator keeps one every <c>SnapshotEvery</c> events. Replies <see cref="Done"/> when durable.
/// </summary>
internal sealed class JournalSeeder : ReceivePersistentActor
{
    public JournalSeeder(TaskListDocument taskList, int events, bool snapshot, IActorRef replyTo)
    {
        PersistenceId = new CoordinatorSettings { TaskList = taskList }.PersistenceId;
        var prs = taskList.Prs.ToArray();
        var state = new CoordinatorState(prs.Select(p => KeyValuePair.Create(p.Id, p.ColdState)));
        var written = 0;
        long token = 0;
        Command<Seed>(_ =>
        {
            if (written >= events)
            {
                if (snapshot) SaveSnapshot(state.ToSnapshot());
                else replyTo.Tell(global::Akka.Done.Instance);
                return;
            }
            var batch = new List<IPersistedEvent>(1000);
            while (batch.Count < 1000 && written + batch.Count < events)
            {
                var n = written + batch.Count;
                var session = "session-" + (n / 5 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var pr = prs[n / 5 % prs.Length];
                var files = pr.EstimatedFiles.Select(f => f.Path).ToArray();
                batch.Add((n % 5) switch
                {
                    0 => new AgentRegistered(session, "agent-" + (n / 5 % 100), "worker", 1),
                    1 => new PrAssigned(pr.Id, session, "agent-" + (n / 5 % 100), ++token, "in-progress", "implement"),
                    2 => new LeaseGranted(session, pr.Id, files, token),
                    3 => new LeasesReleased(session, []),
                    _ => new AgentRemoved(session, "bye"),
                });
            }
            foreach (var e in batch) state.Apply(e);
            written += batch.Count;
            var left = batch.Count;
            PersistAll(batch, _ => { if (--left == 0) Self.Tell(Seed.Instance); });
        });
        Command<SaveSnapshotSuccess>(_ => replyTo.Tell(global::Akka.Done.Instance));
        Command<SaveSnapshotFailure>(f => replyTo.Tell(new Status.Failure(f.Cause)));
        Self.Tell(Seed.Instance);
    }

    public override string PersistenceId { get; }

    public sealed record Seed
    {
        public static Seed Instance { get; } = new();
    }
}
