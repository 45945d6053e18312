namespace Lemegeton.Storage.Journal;

/// <summary>Where the latest snapshot of journaled state is kept (one per project).</summary>
public interface ISnapshotStore
{
    Task SaveAsync(JournalSnapshot snapshot, CancellationToken ct = default);

    /// <summary>The latest snapshot, or null when none was taken.</summary>
    Task<JournalSnapshot?> LoadAsync(CancellationToken ct = default);
}
