using Lemegeton.Persistence.Local.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Lemegeton.Persistence.Local.Tests.Infrastructure.Entries;

namespace Lemegeton.Persistence.Local.Tests;

public sealed class FailoverJournalStoreTests : IAsyncLifetime
{
    private static readonly FailoverJournalOptions Options = new()
    {
        WriteTimeout = TimeSpan.FromSeconds(2),
        ReadTimeout = TimeSpan.FromSeconds(2),
        CatchUpInterval = TimeSpan.FromMinutes(10),
    };

    private readonly TempDirectory _primaryDir = new("failover-primary");
    private readonly TempDirectory _localDir = new("failover-local");
    private readonly FakeTimeProvider _time = new();
    private ControllableStore _primary = null!;
    private FailoverJournalStore _store = null!;

    public Task InitializeAsync()
    {
        _primary = new ControllableStore(FileJournalStore.Open(_primaryDir.Path, new LocalJournalOptions(), TimeProvider.System, NullLogger.Instance));
        _store = OpenFailover(_primary);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _primaryDir.Dispose();
        _localDir.Dispose();
    }

    private FailoverJournalStore OpenFailover(IJournalStore primary) =>
        new(primary, FileJournalStore.Open(_localDir.Path, new LocalJournalOptions(), TimeProvider.System, NullLogger.Instance), Options, _time, NullLogger.Instance);

    private FileJournalStore Local => (FileJournalStore)typeof(FailoverJournalStore)
        .GetField("_local", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(_store)!;

    [Fact]
    public async Task While_the_primary_works_writes_go_only_to_it()
    {
        await _store.WriteAsync(Singles("a", 1, 3));

        Assert.Equal(["a#1", "a#2", "a#3"], (await ReplayAll(_primary.Inner, "a")).Select(Text));
        Assert.Empty(await ReplayAll(Local, "a"));
        Assert.False(_store.IsFailedOver);
    }

    [Fact]
    public async Task A_write_the_primary_refuses_is_acknowledged_from_the_local_store_and_later_writes_stay_local()
    {
        await _store.WriteAsync(Singles("a", 1, 2));
        _primary.Mode = ControllableStore.Behaviour.Failing;

        await _store.WriteAsync(Singles("a", 3, 3));
        var callsAfterFailure = _primary.Writes;
        await _store.WriteAsync(Singles("b", 1, 1));

        Assert.True(_store.IsFailedOver);
        Assert.Equal(callsAfterFailure, _primary.Writes); // failed over: the primary is not asked again per write
        Assert.Equal(["a#3"], (await ReplayAll(Local, "a")).Select(Text));
        Assert.Equal(["b#1"], (await ReplayAll(Local, "b")).Select(Text));
        Assert.Equal(["a#1", "a#2"], (await ReplayAll(_primary.Inner, "a")).Select(Text));
    }

    [Fact]
    public async Task A_stalled_primary_write_fails_over_within_the_write_timeout()
    {
        _primary.Mode = ControllableStore.Behaviour.Stalling;

        var write = _store.WriteAsync(Singles("a", 1, 1));
        _time.Advance(Options.WriteTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(write.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await write.WaitAsync(TimeSpan.FromSeconds(10)); // real-time guard only: the fake clock decides

        Assert.True(_store.IsFailedOver);
        Assert.Equal(["a#1"], (await ReplayAll(Local, "a")).Select(Text));
    }

    [Fact]
    public async Task A_timed_out_write_that_landed_in_the_primary_after_all_is_caught_up_exactly_once()
    {
        await _store.WriteAsync(Singles("a", 1, 2));
        _primary.Mode = ControllableStore.Behaviour.Stalling;
        var write = _store.WriteAsync(Singles("a", 3, 3));
        _time.Advance(Options.WriteTimeout);
        await write;
        await _store.WriteAsync(Singles("a", 4, 5)); // failed over: local

        _primary.Mode = ControllableStore.Behaviour.Healthy;
        await _primary.Release(); // the stalled write of a#3 lands in the primary now
        Assert.Equal(3, await _primary.Inner.ReadHighestSequenceNrAsync("a", 0));
        // Before catch-up the union is already right: primary 1..3, local 3..5.
        Assert.Equal(["a#1", "a#2", "a#3", "a#4", "a#5"], (await ReplayAll(_store, "a")).Select(Text));

        Assert.True(await _store.CatchUpAsync());
        Assert.True(await _store.CatchUpAsync()); // a repeated catch-up changes nothing

        Assert.False(_store.IsFailedOver);
        Assert.Empty(_store.PendingPersistenceIds);
        Assert.Equal(["a#1", "a#2", "a#3", "a#4", "a#5"], (await ReplayAll(_primary.Inner, "a")).Select(Text));
        Assert.Empty(await ReplayAll(Local, "a"));
        Assert.Equal(["a#1", "a#2", "a#3", "a#4", "a#5"], (await ReplayAll(_store, "a")).Select(Text));
        Assert.Equal(5, await _store.ReadHighestSequenceNrAsync("a", 0));

        await _store.WriteAsync(Singles("a", 6, 6));
        Assert.Equal(6, await _primary.Inner.ReadHighestSequenceNrAsync("a", 0));
    }

    [Fact]
    public async Task Replay_and_highest_sequence_number_see_the_union_while_failed_over()
    {
        await _store.WriteAsync(Singles("a", 1, 3));
        _primary.Mode = ControllableStore.Behaviour.Failing;
        await _store.WriteAsync(Singles("a", 4, 6));
        _primary.Mode = ControllableStore.Behaviour.Healthy; // back, not yet caught up

        Assert.Equal(Enumerable.Range(1, 6).Select(s => $"a#{s}"), (await ReplayAll(_store, "a")).Select(Text));
        Assert.Equal(["a#3", "a#4"], (await ReplayAll(_store, "a", 3, 4)).Select(Text));
        Assert.Equal(["a#2", "a#3", "a#4"], (await ReplayAll(_store, "a", 2, 10, max: 3)).Select(Text));
        Assert.Equal(6, await _store.ReadHighestSequenceNrAsync("a", 0));

        // Writes of an id with local entries stay local until its catch-up, even with the primary back.
        Assert.True(await _store.CatchUpAsync());
        await _store.WriteAsync(Singles("a", 7, 7));
        Assert.Equal(7, await _primary.Inner.ReadHighestSequenceNrAsync("a", 0));
    }

    [Fact]
    public async Task Recovery_fails_rather_than_replaying_only_the_local_part_while_the_primary_is_down()
    {
        await _store.WriteAsync(Singles("a", 1, 3));
        _primary.Mode = ControllableStore.Behaviour.Failing;
        await _store.WriteAsync(Singles("a", 4, 4));

        await Assert.ThrowsAsync<IOException>(() => ReplayAll(_store, "a"));
        await Assert.ThrowsAsync<IOException>(() => _store.ReadHighestSequenceNrAsync("a", 0));
    }

    [Fact]
    public async Task A_catch_up_interrupted_by_the_primary_failing_again_is_finished_later_without_duplicates()
    {
        _primary.Mode = ControllableStore.Behaviour.Failing;
        await _store.WriteAsync(Singles("a", 1, 3));
        await _store.WriteAsync(Singles("b", 1, 3));

        _primary.Mode = ControllableStore.Behaviour.Healthy;
        await _primary.Inner.WriteAsync(Singles("a", 1, 2)); // as if an earlier catch-up got part of a in
        _primary.Mode = ControllableStore.Behaviour.Failing;
        Assert.False(await _store.CatchUpAsync());
        Assert.True(_store.IsFailedOver);

        _primary.Mode = ControllableStore.Behaviour.Healthy;
        Assert.True(await _store.CatchUpAsync());
        Assert.Equal(["a#1", "a#2", "a#3"], (await ReplayAll(_primary.Inner, "a")).Select(Text));
        Assert.Equal(["b#1", "b#2", "b#3"], (await ReplayAll(_primary.Inner, "b")).Select(Text));
        Assert.Equal(["a#1", "a#2", "a#3"], (await ReplayAll(_store, "a")).Select(Text));
    }

    [Fact]
    public async Task Local_entries_left_by_an_earlier_run_are_caught_up_after_a_restart()
    {
        _primary.Mode = ControllableStore.Behaviour.Failing;
        await _store.WriteAsync(Singles("a", 1, 2));
        await _store.DisposeAsync();

        _primary = new ControllableStore(FileJournalStore.Open(_primaryDir.Path, new LocalJournalOptions(), TimeProvider.System, NullLogger.Instance));
        _store = OpenFailover(_primary);
        Assert.Equal(["a"], _store.PendingPersistenceIds);
        await _store.WriteAsync(Singles("a", 3, 3)); // still local: a is not caught up yet
        Assert.Equal(0, await _primary.Inner.ReadHighestSequenceNrAsync("a", 0));

        _time.Advance(Options.CatchUpInterval); // the background catch-up runs
        await WaitUntil(() => _store.PendingPersistenceIds.Count == 0);
        Assert.Equal(["a#1", "a#2", "a#3"], (await ReplayAll(_primary.Inner, "a")).Select(Text));
    }

    [Fact]
    public async Task A_conflict_in_the_primary_is_not_failed_over()
    {
        await _store.WriteAsync(Singles("a", 1, 1));

        await Assert.ThrowsAsync<JournalConflictException>(() => _store.WriteAsync(Singles("a", 1, 1, writer: "writer-2")));

        Assert.False(_store.IsFailedOver);
        Assert.Empty(await ReplayAll(Local, "a"));
    }

    [Fact]
    public async Task Deletes_reach_both_stores_and_keep_the_highest_sequence_number()
    {
        await _store.WriteAsync(Singles("a", 1, 2));
        _primary.Mode = ControllableStore.Behaviour.Failing;
        await _store.WriteAsync(Singles("a", 3, 4));
        _primary.Mode = ControllableStore.Behaviour.Healthy;

        await _store.DeleteToAsync("a", long.MaxValue);

        Assert.Empty(await ReplayAll(_store, "a"));
        Assert.Equal(4, await _store.ReadHighestSequenceNrAsync("a", 0));
    }

    /// <summary>Waits for the background catch-up, already started by the fake clock, to finish its round.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Yield();
        }
    }
}
