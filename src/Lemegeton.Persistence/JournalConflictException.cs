namespace Lemegeton.Persistence;

/// <summary>
/// A write collided with an entry another writer already stored under the same persistence id and
/// sequence number: two incarnations of one persistent actor are writing, which Akka forbids.
/// </summary>
public sealed class JournalConflictException(string persistenceId, long sequenceNr, string storedWriter, string writer)
    : Exception($"Journal entry {persistenceId}#{sequenceNr} already exists from writer {storedWriter}; refusing the write of writer {writer}.")
{
    public string PersistenceId { get; } = persistenceId;

    public long SequenceNr { get; } = sequenceNr;
}
