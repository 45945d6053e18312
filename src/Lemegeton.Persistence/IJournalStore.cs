namespace Lemegeton.Persistence;

/// <summary>
/// The storage side of an Akka.Persistence journal plugin, free of Akka types so that each store
/// (Redis, local files) and the failover store that wraps two of them can be tested on their own.
/// <see cref="StoreBackedJournal"/> adapts a store to Akka's <c>AsyncWriteJournal</c>.
/// </summary>
/// <remarks>
/// Contract, mirroring Akka.Persistence's journal specification:
/// <list type="bullet">
/// <item><see cref="WriteAsync"/> stores the atomic writes in order, each one whole or not at all,
/// and completes only when they are durable by the store's policy. When it throws, what was stored
/// is a prefix of the list (never a later write without an earlier one); a store that can write the
/// whole list atomically (one script, one file append) should.</item>
/// <item>Writes are idempotent per (persistence id, sequence number): writing an entry whose
/// sequence number is already stored for that id with the same writer leaves the store unchanged
/// and succeeds (a retry after a timed-out write that did land must not duplicate events). An
/// entry that collides with a different writer's entry is refused with
/// <see cref="JournalConflictException"/>.</item>
/// <item><see cref="ReplayAsync"/> delivers entries in sequence order, from/to inclusive, at most
/// <c>max</c> of them, skipping deleted ones.</item>
/// <item><see cref="ReadHighestSequenceNrAsync"/> returns the highest sequence number ever
/// stored for the id, also when every entry up to it has been deleted; 0 when none.</item>
/// <item><see cref="DeleteToAsync"/> deletes (logically or physically) entries up to and
/// including <c>toSequenceNr</c>; it never lowers the highest sequence number.</item>
/// </list>
/// </remarks>
public interface IJournalStore : IAsyncDisposable
{
    /// <summary>
    /// Stores atomic writes in order. Each inner list is one atomic write: entries of a single
    /// persistence id with consecutive sequence numbers. One call comes from one journal request.
    /// </summary>
    Task WriteAsync(IReadOnlyList<IReadOnlyList<JournalEntry>> atomicWrites, CancellationToken ct = default);

    /// <summary>Delivers stored entries of <paramref name="persistenceId"/> in order to <paramref name="onEntry"/>.</summary>
    Task ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<JournalEntry> onEntry, CancellationToken ct = default);

    /// <summary>The highest sequence number stored for <paramref name="persistenceId"/> (≥ <paramref name="fromSequenceNr"/> is a hint, not a filter).</summary>
    Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken ct = default);

    /// <summary>Deletes entries of <paramref name="persistenceId"/> up to and including <paramref name="toSequenceNr"/>.</summary>
    Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken ct = default);
}
