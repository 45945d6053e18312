using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.TestKit;
using Lemegeton.Persistence.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lemegeton.Persistence.Tests.Spec;

/// <summary>
/// The journal specification every journal plugin of the project passes: the cases of
/// Akka.Persistence's journal TCK (which is not served here), written from its documented
/// behaviour, plus the project's own contract (idempotent retries, refused second writers,
/// atomic rejections). A plugin's spec derives from it and hands in its configuration.
/// </summary>
/// <remarks>
/// Before each case, five events a-1 … a-5 are written for a fresh persistence id: 1, 2 and 3
/// one per atomic write, 4 and 5 in one atomic write.
/// </remarks>
public abstract class JournalSpecBase : Akka.TestKit.Xunit2.TestKit
{
    private const int ActorInstanceId = 1;

    /// <param name="pluginConfig">Configuration holding the plugin's section (rooted at <paramref name="journalPluginId"/>).</param>
    /// <param name="journalPluginId">The plugin's path, e.g. <c>akka.persistence.journal.lemegeton-redis</c>.</param>
    /// <param name="output">xunit output for Akka's log.</param>
    protected JournalSpecBase(Config pluginConfig, string journalPluginId, ITestOutputHelper? output = null)
        : base(SpecConfig.With(pluginConfig, journalPluginId), "journal-spec", output)
    {
        JournalPluginId = journalPluginId;
        Pid = "p-" + Guid.NewGuid().ToString("N")[..12];
        WriterGuid = Guid.NewGuid().ToString();
        Receiver = CreateTestProbe();
        WriteInitialEvents();
    }

    protected string JournalPluginId { get; }

    protected string Pid { get; }

    protected string WriterGuid { get; }

    protected TestProbe Receiver { get; }

    protected IActorRef Journal => Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null);

    private void WriteInitialEvents()
    {
        var probe = CreateTestProbe();
        var writes = new[]
        {
            new AtomicWrite(Event(1)),
            new AtomicWrite(Event(2)),
            new AtomicWrite(Event(3)),
            new AtomicWrite(ImmutableList.Create<IPersistentRepresentation>(Event(4), Event(5))),
        };
        Journal.Tell(new WriteMessages(writes, probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        for (var i = 1; i <= 5; i++)
        {
            var n = i;
            probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == n && (string)m.Persistent.Payload == "a-" + n);
        }
    }

    protected Persistent Event(long sequenceNr, object? payload = null, string? writer = null) =>
        new(payload ?? "a-" + sequenceNr, sequenceNr, Pid, string.Empty, false, ActorRefs.NoSender, writer ?? WriterGuid);

    protected void Replay(long from, long to, long max) => Journal.Tell(new ReplayMessages(from, to, max, Pid, Receiver.Ref));

    protected void ExpectReplayed(params long[] sequenceNrs)
    {
        foreach (var n in sequenceNrs)
        {
            var replayed = Receiver.ExpectMsg<ReplayedMessage>();
            Assert.Equal(n, replayed.Persistent.SequenceNr);
            Assert.Equal("a-" + n, replayed.Persistent.Payload.ToString());
            Assert.Equal(Pid, replayed.Persistent.PersistenceId);
            Assert.False(replayed.Persistent.IsDeleted);
        }
    }

    protected void ExpectRecoverySuccess(long highest) =>
        Assert.Equal(highest, Receiver.ExpectMsg<RecoverySuccess>().HighestSequenceNr);

    protected void Delete(long toSequenceNr)
    {
        Journal.Tell(new DeleteMessagesTo(Pid, toSequenceNr, Receiver.Ref));
        Assert.Equal(toSequenceNr, Receiver.ExpectMsg<DeleteMessagesSuccess>().ToSequenceNr);
    }

    [Fact]
    public void Replays_all_messages()
    {
        Replay(1, long.MaxValue, long.MaxValue);
        ExpectReplayed(1, 2, 3, 4, 5);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_from_a_lower_sequence_number_bound()
    {
        Replay(3, long.MaxValue, long.MaxValue);
        ExpectReplayed(3, 4, 5);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_to_an_upper_sequence_number_bound()
    {
        Replay(1, 3, long.MaxValue);
        ExpectReplayed(1, 2, 3);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_up_to_a_count_limit()
    {
        Replay(1, long.MaxValue, 3);
        ExpectReplayed(1, 2, 3);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_between_lower_and_upper_bound()
    {
        Replay(2, 3, long.MaxValue);
        ExpectReplayed(2, 3);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_between_bounds_up_to_a_count_limit()
    {
        Replay(2, 5, 2);
        ExpectReplayed(2, 3);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_a_single_message_when_lower_bound_equals_upper_bound()
    {
        Replay(2, 2, long.MaxValue);
        ExpectReplayed(2);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_a_single_message_when_count_limit_is_one()
    {
        Replay(2, 4, 1);
        ExpectReplayed(2);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_nothing_when_count_limit_is_zero()
    {
        Replay(2, 4, 0);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_nothing_when_lower_bound_is_above_upper_bound()
    {
        Replay(3, 2, long.MaxValue);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Replays_nothing_for_a_persistence_id_that_never_wrote()
    {
        Journal.Tell(new ReplayMessages(0, long.MaxValue, long.MaxValue, "never-" + Pid, Receiver.Ref));
        ExpectRecoverySuccess(0);
    }

    [Fact]
    public void Does_not_replay_messages_deleted_by_range()
    {
        var published = CreateTestProbe();
        Sys.EventStream.Subscribe(published.Ref, typeof(DeleteMessagesTo));
        Delete(3);
        published.ExpectMsg<DeleteMessagesTo>(d => d.PersistenceId == Pid && d.ToSequenceNr == 3);

        Replay(1, long.MaxValue, long.MaxValue);
        ExpectReplayed(4, 5);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Keeps_the_highest_sequence_number_after_deleting_some_messages()
    {
        Delete(3);
        Replay(0, long.MaxValue, long.MaxValue);
        ExpectReplayed(4, 5);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Keeps_the_highest_sequence_number_after_deleting_all_messages()
    {
        Delete(long.MaxValue);
        Replay(0, long.MaxValue, long.MaxValue);
        ExpectRecoverySuccess(5);
        Receiver.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Continues_after_the_highest_sequence_number_once_all_messages_were_deleted()
    {
        Delete(long.MaxValue);
        var probe = CreateTestProbe();
        Journal.Tell(new WriteMessages([new AtomicWrite(Event(6))], probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>();

        Replay(1, long.MaxValue, long.MaxValue);
        ExpectReplayed(6);
        ExpectRecoverySuccess(6);
    }

    [Fact]
    public void Round_trips_an_event_through_its_serializer()
    {
        var probe = CreateTestProbe();
        var sample = new SampleEvent("renamed-safe", 42, [1, 2, 3]);
        Journal.Tell(new WriteMessages([new AtomicWrite(Event(6, sample))], probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 6);

        Replay(6, long.MaxValue, long.MaxValue);
        var replayed = Receiver.ExpectMsg<ReplayedMessage>().Persistent;
        Assert.Equal(6, replayed.SequenceNr);
        Assert.Equal(WriterGuid, replayed.WriterGuid);
        Assert.Equal(Pid, replayed.PersistenceId);
        var payload = Assert.IsType<SampleEvent>(replayed.Payload);
        Assert.Equal(sample.Text, payload.Text);
        Assert.Equal(sample.Number, payload.Number);
        Assert.Equal(sample.Bytes, payload.Bytes);
        ExpectRecoverySuccess(6);
    }

    [Fact]
    public void Replays_a_tagged_event_as_its_payload()
    {
        var probe = CreateTestProbe();
        var tagged = new Akka.Persistence.Journal.Tagged("a-6", ["lease", "pr-7"]);
        Journal.Tell(new WriteMessages([new AtomicWrite(Event(6, tagged))], probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>();

        Replay(6, long.MaxValue, long.MaxValue);
        ExpectReplayed(6);
        ExpectRecoverySuccess(6);
    }

    [Fact]
    public void Rejects_a_non_serializable_event_and_stores_the_others()
    {
        var probe = CreateTestProbe();
        var writes = new[]
        {
            new AtomicWrite(Event(6, "a-6")),
            new AtomicWrite(Event(7, new UnserializableEvent("no"))),
            new AtomicWrite(Event(8, "a-8")),
        };
        Journal.Tell(new WriteMessages(writes, probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 6);
        probe.ExpectMsg<WriteMessageRejected>(m => m.Persistent.SequenceNr == 7 && m.Persistent.Payload is UnserializableEvent);
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 8);

        Replay(6, long.MaxValue, long.MaxValue);
        ExpectReplayed(6, 8);
        ExpectRecoverySuccess(8);
    }

    [Fact]
    public void Rejects_an_atomic_write_whole_when_one_of_its_events_cannot_be_serialized()
    {
        var probe = CreateTestProbe();
        var batch = ImmutableList.Create<IPersistentRepresentation>(Event(6), Event(7, new UnserializableEvent("no")), Event(8));
        Journal.Tell(new WriteMessages([new AtomicWrite(batch)], probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageRejected>(m => m.Persistent.SequenceNr == 6);
        probe.ExpectMsg<WriteMessageRejected>(m => m.Persistent.SequenceNr == 7);
        probe.ExpectMsg<WriteMessageRejected>(m => m.Persistent.SequenceNr == 8);

        Replay(1, long.MaxValue, long.MaxValue);
        ExpectReplayed(1, 2, 3, 4, 5);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void Stores_a_retried_write_of_the_same_writer_once()
    {
        // The journal request that wrote 4 and 5 timed out after it landed, and is sent again.
        var probe = CreateTestProbe();
        var retry = new AtomicWrite(ImmutableList.Create<IPersistentRepresentation>(Event(4), Event(5)));
        Journal.Tell(new WriteMessages([retry], probe.Ref, ActorInstanceId));
        probe.ExpectMsg<WriteMessagesSuccessful>();
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 4);
        probe.ExpectMsg<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 5);

        Replay(1, long.MaxValue, long.MaxValue);
        ExpectReplayed(1, 2, 3, 4, 5);
        ExpectRecoverySuccess(5);
        Receiver.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Refuses_a_second_writer_for_a_stored_sequence_number()
    {
        var probe = CreateTestProbe();
        var intruder = Guid.NewGuid().ToString();
        var write = new AtomicWrite(ImmutableList.Create<IPersistentRepresentation>(Event(5, "b-5", intruder), Event(6, "b-6", intruder)));
        Journal.Tell(new WriteMessages([write], probe.Ref, ActorInstanceId));
        var failed = probe.ExpectMsg<WriteMessagesFailed>();
        Assert.IsType<JournalConflictException>(failed.Cause);
        probe.ExpectMsg<WriteMessageFailure>(m => m.Persistent.SequenceNr == 5);
        probe.ExpectMsg<WriteMessageFailure>(m => m.Persistent.SequenceNr == 6);

        Replay(1, long.MaxValue, long.MaxValue);
        ExpectReplayed(1, 2, 3, 4, 5);
        ExpectRecoverySuccess(5);
    }

    [Fact]
    public void A_persistent_actor_gets_OnPersistRejected_and_nothing_is_stored()
    {
        var pid = "actor-" + Guid.NewGuid().ToString("N")[..8];
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(EventRecorder.Props(pid, probe.Ref));
        probe.ExpectMsg<Recovered>(r => r.Events.Count == 0);

        actor.Tell(new RecordEvent(new UnserializableEvent("lost")));
        var rejected = probe.ExpectMsg<Rejected>();
        Assert.Equal(1, rejected.SequenceNr);
        actor.Tell(new RecordEvent("kept"));
        probe.ExpectMsg<Persisted>(p => (string)p.Event == "kept");

        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Sys.ActorOf(EventRecorder.Props(pid, probe.Ref));
        var recovered = probe.ExpectMsg<Recovered>();
        Assert.Equal(["kept"], recovered.Events.Cast<string>());
    }

    [Fact]
    public void A_persistent_actor_recovers_PersistAll_in_order()
    {
        var pid = "actor-" + Guid.NewGuid().ToString("N")[..8];
        var probe = CreateTestProbe();
        var actor = Sys.ActorOf(EventRecorder.Props(pid, probe.Ref));
        probe.ExpectMsg<Recovered>();
        actor.Tell(new RecordAll(["x-1", "x-2", "x-3"]));
        actor.Tell(new RecordAsync("x-4"));
        for (var i = 1; i <= 4; i++) probe.ExpectMsg<Persisted>();

        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);
        Sys.ActorOf(EventRecorder.Props(pid, probe.Ref));
        var recovered = probe.ExpectMsg<Recovered>();
        Assert.Equal(["x-1", "x-2", "x-3", "x-4"], recovered.Events.Cast<string>());
        Assert.Equal(4, recovered.LastSequenceNr);
    }
}
