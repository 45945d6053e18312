namespace Lemegeton.Persistence;

/// <summary>
/// One persisted event as a journal store keeps it: the Akka envelope's fields with the payload
/// already serialized, so a store needs no knowledge of Akka serialization or of our event types.
/// </summary>
/// <param name="PersistenceId">The persistent actor's id.</param>
/// <param name="SequenceNr">Per-<paramref name="PersistenceId"/> sequence number, starting at 1, without gaps.</param>
/// <param name="Manifest">The payload serializer's manifest (empty when the serializer uses none).</param>
/// <param name="SerializerId">The Akka serializer id that produced <paramref name="Payload"/>.</param>
/// <param name="Payload">The serialized event.</param>
/// <param name="WriterGuid">The writing actor incarnation's id (Akka's <c>WriterGuid</c>).</param>
/// <param name="Timestamp">When it was written, Unix milliseconds.</param>
/// <param name="Tags">Tags for event-by-tag queries; empty when untagged.</param>
public sealed record JournalEntry(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    int SerializerId,
    ReadOnlyMemory<byte> Payload,
    string WriterGuid,
    long Timestamp,
    IReadOnlyList<string> Tags);
