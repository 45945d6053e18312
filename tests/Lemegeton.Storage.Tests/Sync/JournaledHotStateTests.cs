using Lemegeton.Persistence.Local;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Sync;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lemegeton.Storage.Tests.Sync;

public sealed class JournaledHotStateTests : IDisposable
{
    private readonly TempDirectory _dir = new("journaled");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private StoreJournal OpenJournal() =>
        new(FileJournalStore.Open(Path.Combine(_dir.Path, "journal"), new LocalJournalOptions(), _time, NullLogger.Instance));

    private FileSnapshotStore Snapshots() => new(_dir.Path, NullLogger<FileSnapshotStore>.Instance);

    [Fact]
    public async Task Snapshots_every_n_events_and_snapshot_plus_tail_rebuilds_the_same_state()
    {
        var t = _time.GetUtcNow();
        var snapshots = Snapshots();
        await using (var journal = OpenJournal())
        {
            var state = new JournaledHotState(new HotStateView(), journal, () => snapshots, 3, _time, NullLogger<JournaledHotState>.Instance);
            await state.RecordAsync(JournalEvents.AgentRegistered(new("agent-1"), t));
            await state.RecordAsync(JournalEvents.PrAssigned(new("PR-001", "agent-1"), t));
            _time.Advance(TimeSpan.FromMinutes(5));
            await state.RecordAsync(JournalEvents.LeaseGranted(new("agent-1", "PR-001", ["a"], 1), t));
            await state.RecordAsync(JournalEvents.PrTransitioned(new("PR-001", "investigating", "planning", "agent-1"), t));
            var snapshot = (await snapshots.LoadAsync())!;
            Assert.Equal((3L, _time.GetUtcNow()), (snapshot.Seq, snapshot.Time));
        }

        await using var reopened = OpenJournal();
        var view = HotStateView.FromSnapshot(await Snapshots().LoadAsync());
        await foreach (var r in reopened.ReadAsync(view.LastSeq)) view.Apply(r);

        Assert.Equal(4, view.LastSeq);
        Assert.Equal(Lemegeton.Core.States.HotState.Planning, view.Prs["PR-001"].State);
        Assert.Equal("agent-1", view.Leases["a"].AgentId);
    }

    [Fact]
    public async Task An_unreadable_snapshot_is_ignored_and_the_whole_journal_replays()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "snapshot.json"), "{ not json");

        Assert.Null(await Snapshots().LoadAsync());
    }
}
