using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using Akka.TestKit;
using Lemegeton.Persistence.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lemegeton.Persistence.Tests.Spec;

/// <summary>
/// The snapshot-store specification every snapshot plugin of the project passes: the cases of
/// Akka.Persistence's snapshot-store TCK (not served here), written from its documented
/// behaviour. A plugin's spec derives from it and hands in its configuration.
/// </summary>
/// <remarks>Before each case, snapshots s-1 … s-5 are saved at sequence numbers 11 … 15 of a fresh persistence id.</remarks>
public abstract class SnapshotStoreSpecBase : Akka.TestKit.Xunit2.TestKit
{
    /// <param name="pluginConfig">Configuration holding the plugin's section (rooted at <paramref name="snapshotPluginId"/>).</param>
    /// <param name="snapshotPluginId">The plugin's path, e.g. <c>akka.persistence.snapshot-store.lemegeton-redis</c>.</param>
    /// <param name="output">xunit output for Akka's log.</param>
    protected SnapshotStoreSpecBase(Config pluginConfig, string snapshotPluginId, ITestOutputHelper? output = null)
        : base(SpecConfig.With(pluginConfig, journalPluginId: null, snapshotPluginId), "snapshot-spec", output)
    {
        Pid = "p-" + Guid.NewGuid().ToString("N")[..12];
        Sender = CreateTestProbe();
        Metadata = SaveInitialSnapshots();
    }

    protected string Pid { get; }

    protected TestProbe Sender { get; }

    /// <summary>The metadata of s-1 … s-5 as the store acknowledged them (with their timestamps).</summary>
    protected IReadOnlyList<SnapshotMetadata> Metadata { get; }

    protected IActorRef SnapshotStore => Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);

    private List<SnapshotMetadata> SaveInitialSnapshots()
    {
        var saved = new List<SnapshotMetadata>();
        for (var i = 1; i <= 5; i++)
        {
            SnapshotStore.Tell(new SaveSnapshot(new SnapshotMetadata(Pid, i + 10, DateTime.MinValue), $"s-{i}"), Sender.Ref);
            saved.Add(Sender.ExpectMsg<SaveSnapshotSuccess>().Metadata);
        }

        return saved;
    }

    private LoadSnapshotResult Load(SnapshotSelectionCriteria criteria, long toSequenceNr = long.MaxValue, string? pid = null)
    {
        SnapshotStore.Tell(new LoadSnapshot(pid ?? Pid, criteria, toSequenceNr), Sender.Ref);
        var result = Sender.ExpectMsg<LoadSnapshotResult>();
        Assert.Equal(toSequenceNr, result.ToSequenceNr);
        return result;
    }

    private void ExpectSnapshot(LoadSnapshotResult result, int index)
    {
        Assert.NotNull(result.Snapshot);
        Assert.Equal(Metadata[index], result.Snapshot.Metadata);
        Assert.Equal($"s-{index + 1}", result.Snapshot.Snapshot.ToString());
    }

    [Fact]
    public void Loads_nothing_for_an_unknown_persistence_id() =>
        Assert.Null(Load(SnapshotSelectionCriteria.Latest, pid: "unknown-" + Pid).Snapshot);

    [Fact]
    public void Loads_nothing_when_no_timestamp_matches() =>
        Assert.Null(Load(new SnapshotSelectionCriteria(long.MaxValue, new DateTime(100000))).Snapshot);

    [Fact]
    public void Loads_nothing_when_no_sequence_number_matches()
    {
        Assert.Null(Load(new SnapshotSelectionCriteria(7)).Snapshot);
        Assert.Null(Load(SnapshotSelectionCriteria.Latest, toSequenceNr: 7).Snapshot);
    }

    [Fact]
    public void Loads_the_most_recent_snapshot() => ExpectSnapshot(Load(SnapshotSelectionCriteria.Latest), 4);

    [Fact]
    public void Loads_the_most_recent_snapshot_under_an_upper_sequence_number_bound()
    {
        ExpectSnapshot(Load(new SnapshotSelectionCriteria(13)), 2);
        ExpectSnapshot(Load(SnapshotSelectionCriteria.Latest, toSequenceNr: 13), 2);
    }

    [Fact]
    public void Loads_the_most_recent_snapshot_under_sequence_number_and_timestamp_bounds()
    {
        ExpectSnapshot(Load(new SnapshotSelectionCriteria(13, Metadata[2].Timestamp)), 2);
        ExpectSnapshot(Load(new SnapshotSelectionCriteria(long.MaxValue, Metadata[2].Timestamp), toSequenceNr: 13), 2);
    }

    [Fact]
    public void Loads_the_most_recent_snapshot_above_a_minimum_sequence_number()
    {
        ExpectSnapshot(Load(new SnapshotSelectionCriteria(long.MaxValue, DateTime.MaxValue, minSequenceNr: 12, minTimestamp: null)), 4);
        Assert.Null(Load(new SnapshotSelectionCriteria(11, DateTime.MaxValue, minSequenceNr: 12, minTimestamp: null)).Snapshot);
    }

    [Fact]
    public void Loads_nothing_older_than_a_minimum_timestamp() =>
        Assert.Null(Load(new SnapshotSelectionCriteria(13, DateTime.MaxValue, 0, Metadata[2].Timestamp.AddTicks(1))).Snapshot);

    [Fact]
    public void Deletes_a_single_snapshot_identified_by_its_sequence_number()
    {
        var published = CreateTestProbe();
        Sys.EventStream.Subscribe(published.Ref, typeof(DeleteSnapshot));
        var command = new DeleteSnapshot(new SnapshotMetadata(Pid, Metadata[2].SequenceNr, DateTime.MinValue));
        SnapshotStore.Tell(command, Sender.Ref);
        published.ExpectMsg(command);
        Sender.ExpectMsg<DeleteSnapshotSuccess>();

        ExpectSnapshot(Load(new SnapshotSelectionCriteria(Metadata[2].SequenceNr)), 1);
    }

    [Fact]
    public void Deletes_all_snapshots_matching_sequence_number_and_timestamp_bounds()
    {
        var published = CreateTestProbe();
        Sys.EventStream.Subscribe(published.Ref, typeof(DeleteSnapshots));
        var md = Metadata[2];
        var command = new DeleteSnapshots(Pid, new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp));
        SnapshotStore.Tell(command, Sender.Ref);
        published.ExpectMsg(command);
        Sender.ExpectMsg<DeleteSnapshotsSuccess>();

        Assert.Null(Load(new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp)).Snapshot);
        ExpectSnapshot(Load(new SnapshotSelectionCriteria(Metadata[3].SequenceNr, Metadata[3].Timestamp)), 3);
    }

    [Fact]
    public void Deletes_nothing_when_the_upper_timestamp_bound_excludes_the_snapshot()
    {
        var md = Metadata[3];
        var criteria = new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp.AddTicks(-1));
        SnapshotStore.Tell(new DeleteSnapshots(Pid, criteria), Sender.Ref);
        Assert.Equal(criteria, Sender.ExpectMsg<DeleteSnapshotsSuccess>().Criteria);

        ExpectSnapshot(Load(new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp)), 3);
    }

    [Fact]
    public void Deletes_only_snapshots_within_a_minimum_sequence_number()
    {
        SnapshotStore.Tell(new DeleteSnapshots(Pid, new SnapshotSelectionCriteria(long.MaxValue, DateTime.MaxValue, 14, null)), Sender.Ref);
        Sender.ExpectMsg<DeleteSnapshotsSuccess>();

        ExpectSnapshot(Load(SnapshotSelectionCriteria.Latest), 2);
    }

    [Fact]
    public void Overwrites_a_snapshot_saved_again_with_the_same_sequence_number()
    {
        var md = Metadata[4];
        SnapshotStore.Tell(new SaveSnapshot(md, "s-5-modified"), Sender.Ref);
        Assert.Equal(md.SequenceNr, Sender.ExpectMsg<SaveSnapshotSuccess>().Metadata.SequenceNr);

        var result = Load(new SnapshotSelectionCriteria(md.SequenceNr));
        Assert.NotNull(result.Snapshot);
        Assert.Equal("s-5-modified", result.Snapshot.Snapshot.ToString());
        Assert.Equal(md.SequenceNr, result.Snapshot.Metadata.SequenceNr);

        // The replaced snapshot is gone entirely, not only shadowed: deleting the number leaves none.
        SnapshotStore.Tell(new DeleteSnapshot(new SnapshotMetadata(Pid, md.SequenceNr, DateTime.MinValue)), Sender.Ref);
        Sender.ExpectMsg<DeleteSnapshotSuccess>();
        ExpectSnapshot(Load(SnapshotSelectionCriteria.Latest), 3);
    }

    [Fact]
    public void Saves_a_large_snapshot()
    {
        var big = new byte[1 << 20];
        new Random(7).NextBytes(big);
        SnapshotStore.Tell(new SaveSnapshot(new SnapshotMetadata(Pid, 100, DateTime.MinValue), big), Sender.Ref);
        Sender.ExpectMsg<SaveSnapshotSuccess>();

        var result = Load(SnapshotSelectionCriteria.Latest);
        Assert.NotNull(result.Snapshot);
        Assert.Equal(big, Assert.IsType<byte[]>(result.Snapshot.Snapshot));
    }

    [Fact]
    public void Round_trips_a_snapshot_through_its_serializer()
    {
        var sample = new SampleEvent("state", 7, [9, 8]);
        SnapshotStore.Tell(new SaveSnapshot(new SnapshotMetadata(Pid, 100, DateTime.MinValue), sample), Sender.Ref);
        Sender.ExpectMsg<SaveSnapshotSuccess>();

        var result = Load(SnapshotSelectionCriteria.Latest);
        Assert.NotNull(result.Snapshot);
        Assert.Equal(100, result.Snapshot.Metadata.SequenceNr);
        var loaded = Assert.IsType<SampleEvent>(result.Snapshot.Snapshot);
        Assert.Equal((sample.Text, sample.Number), (loaded.Text, loaded.Number));
        Assert.Equal(sample.Bytes, loaded.Bytes);
    }

    [Fact]
    public void Fails_to_save_a_snapshot_that_cannot_be_serialized()
    {
        SnapshotStore.Tell(new SaveSnapshot(new SnapshotMetadata(Pid, 100, DateTime.MinValue), new UnserializableEvent("no")), Sender.Ref);
        Sender.ExpectMsg<SaveSnapshotFailure>();

        ExpectSnapshot(Load(SnapshotSelectionCriteria.Latest), 4);
    }
}
