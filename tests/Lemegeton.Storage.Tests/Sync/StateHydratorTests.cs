using Lemegeton.Core.States;
using Lemegeton.Persistence.Local;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Sync;
using Lemegeton.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lemegeton.Storage.Tests.Sync;

public sealed class StateHydratorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private TestRepository _repo = null!;
    private readonly TempDirectory _journalDir = new("hydrate");
    private readonly FakeTimeProvider _time = new(T0.AddHours(1));

    public async Task InitializeAsync() => _repo = await TestRepository.CreateAsync();

    public Task DisposeAsync()
    {
        _repo.Dispose();
        _journalDir.Dispose();
        return Task.CompletedTask;
    }

    private TaskListGitMirror Mirror() =>
        new(_repo.Root, new GitMirrorOptions { TaskListPath = TestRepository.TaskList }, TimeProvider.System, NullLogger<TaskListGitMirror>.Instance);

    private StoreJournal OpenJournal() =>
        new(FileJournalStore.Open(Path.Combine(_journalDir.Path, "journal"), new LocalJournalOptions(), _time, NullLogger.Instance));

    private FileSnapshotStore Snapshots() => new(_journalDir.Path, NullLogger<FileSnapshotStore>.Instance);

    private StateHydrator Hydrator(TaskListGitMirror git, StoreJournal journal) =>
        new(git, Snapshots(), journal, _time, NullLogger<StateHydrator>.Instance);

    [Fact]
    public async Task Hot_state_comes_from_snapshot_and_journal_and_git_wins_over_it()
    {
        var git = Mirror();
        await git.CommitAsync(new ColdTransition("PR-003", HotState.UnderReview, ColdState.Completed));
        await using (var journal = OpenJournal())
        {
            var view = new HotStateView();
            async Task Append(JournalEvent e) => view.Apply(new JournalRecord(await journal.AppendAsync(e), e));
            await Append(JournalEvents.AgentRegistered(new("agent-1"), T0));
            await Append(JournalEvents.AgentRegistered(new("agent-2"), T0));
            await Append(JournalEvents.PrAssigned(new("PR-001", "agent-1"), T0));
            await Snapshots().SaveAsync(view.ToSnapshot(T0));
            await Append(JournalEvents.PrTransitioned(new("PR-001", "investigating", "in-progress", "agent-1"), T0));
            await Append(JournalEvents.PrAssigned(new("PR-003", "agent-2", "in-progress"), T0));
            await Append(JournalEvents.LeaseGranted(new("agent-2", "PR-003", ["src/x.cs"], 7), T0));
            await Append(JournalEvents.PrAssigned(new("PR-777", "agent-1"), T0));
            await Append(JournalEvents.PrAssigned(new("PR-004", "agent-3"), T0));
        }

        HydrationReport report;
        await using (var journal = OpenJournal())
            report = await Hydrator(git, journal).HydrateAsync();

        Assert.Equal(3, report.SnapshotSeq);
        Assert.Equal(5, report.EventsReplayed);
        Assert.True(report.ColdState.TryGet("PR-003", out var pr3));
        Assert.Equal(ColdState.Completed, pr3.ColdState);
        Assert.Equal(
            [
                (ReconciliationKind.FinishedInGitCleared, "PR-003"),
                (ReconciliationKind.AgentGoneCleared, "PR-004"),
                (ReconciliationKind.OrphanCleared, "PR-777"),
                (ReconciliationKind.LeaseReleased, "agent-2"),
            ],
            report.Actions.Select(a => (a.Kind, a.Subject)));
        var remaining = Assert.Single(report.HotState.Prs.Values);
        Assert.Equal(("PR-001", HotState.InProgress, "agent-1"), (remaining.PrId, remaining.State, remaining.AgentId));
        Assert.Empty(report.HotState.Leases);
        // Repairs are journaled at the hydrator's clock.
        await using (var check = OpenJournal())
        {
            var repairs = new List<JournalRecord>();
            await foreach (var r in check.ReadAsync(8)) repairs.Add(r);
            Assert.Equal(4, repairs.Count);
            Assert.All(repairs, r => Assert.Equal(_time.GetUtcNow(), r.Event.Time));
        }

        // The repairs were journaled: hydrating again finds nothing more to do.
        await using var again = OpenJournal();
        var second = await Hydrator(git, again).HydrateAsync();
        Assert.Empty(second.Actions);
        Assert.Equal(["PR-001"], second.HotState.Prs.Keys);
    }

    [Fact]
    public async Task Snapshot_round_trip_keeps_agents_prs_and_leases()
    {
        var view = new HotStateView();
        view.Apply(new JournalRecord(1, JournalEvents.AgentRegistered(new("agent-1"), T0)));
        view.Apply(new JournalRecord(2, JournalEvents.PrAssigned(new("PR-001", "agent-1", "planning"), T0)));
        view.Apply(new JournalRecord(3, JournalEvents.LeaseGranted(new("agent-1", "PR-001", ["a", "b"], 9), T0)));
        view.Apply(new JournalRecord(4, JournalEvents.LeaseReleased(new("agent-1", ["a"]), T0)));

        var copy = HotStateView.FromSnapshot(view.ToSnapshot(T0));

        Assert.Equal(4, copy.LastSeq);
        Assert.Equal(["agent-1"], copy.Agents);
        Assert.Equal(HotState.Planning, copy.Prs["PR-001"].State);
        Assert.Equal(new HeldLease("b", "agent-1", "PR-001", 9), Assert.Single(copy.Leases.Values));
    }
}
