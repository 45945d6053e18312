using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Sync;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lemegeton.Storage.Tests.Sync;

public sealed class JournaledHotStateTests : IDisposable
{
    private readonly TempDirectory _dir = new("journaled");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Snapshots_every_n_events_and_snapshot_plus_tail_rebuilds_the_same_state()
    {
        var t = DateTimeOffset.UnixEpoch;
        await using (var journal = FileJournal.Open(_dir.Path, new FileJournalOptions(), TimeProvider.System, NullLogger<FileJournal>.Instance))
        {
            var state = new JournaledHotState(new HotStateView(), journal, () => journal, 3, TimeProvider.System, NullLogger<JournaledHotState>.Instance);
            await state.RecordAsync(JournalEvents.AgentRegistered(new("agent-1"), t));
            await state.RecordAsync(JournalEvents.PrAssigned(new("PR-001", "agent-1"), t));
            await state.RecordAsync(JournalEvents.LeaseGranted(new("agent-1", "PR-001", ["a"], 1), t));
            await state.RecordAsync(JournalEvents.PrTransitioned(new("PR-001", "investigating", "planning", "agent-1"), t));
            Assert.Equal(3, (await journal.LoadAsync())!.Seq);
        }

        await using var reopened = FileJournal.Open(_dir.Path, new FileJournalOptions(), TimeProvider.System, NullLogger<FileJournal>.Instance);
        var view = HotStateView.FromSnapshot(await reopened.LoadAsync());
        await foreach (var r in reopened.ReadAsync(view.LastSeq)) view.Apply(r);

        Assert.Equal(4, view.LastSeq);
        Assert.Equal(Lemegeton.Core.States.HotState.Planning, view.Prs["PR-001"].State);
        Assert.Equal("agent-1", view.Leases["a"].AgentId);
    }
}
