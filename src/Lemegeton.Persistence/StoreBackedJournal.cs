using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace Lemegeton.Persistence;

/// <summary>
/// An Akka.Persistence journal over an <see cref="IJournalStore"/>: serializes each event's payload
/// with the serializer Akka binds for its type (ours for product events, so renaming a CLR type never
/// breaks recovery), hands the entries to the store and rebuilds <see cref="Persistent"/>
/// representations on replay. Plugins derive from it and create their store from their config.
/// </summary>
/// <remarks>
/// A payload that cannot be serialized rejects its atomic write (the persistent actor's
/// <c>OnPersistRejected</c>) and nothing of it is stored; a store failure fails the whole request
/// (<c>OnPersistFailure</c>, the actor stops), as Akka's journal specification requires.
/// </remarks>
public abstract class StoreBackedJournal : AsyncWriteJournal
{
    private readonly Akka.Serialization.Serialization _serialization;
    private IJournalStore? _store;

    protected StoreBackedJournal()
    {
        _serialization = Context.System.Serialization;
    }

    /// <summary>The store, created on first use by <see cref="CreateStore"/>.</summary>
    protected IJournalStore Store => _store ??= CreateStore();

    /// <summary>Creates the store this journal writes to; called once, on the journal actor's thread.</summary>
    protected abstract IJournalStore CreateStore();

    protected override async Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        var results = ImmutableList.CreateBuilder<Exception?>();
        var batch = new List<IReadOnlyList<JournalEntry>>();
        foreach (var write in messages)
        {
            try
            {
                var payloads = (IImmutableList<IPersistentRepresentation>)write.Payload;
                var entries = new JournalEntry[payloads.Count];
                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i] = ToEntry(payloads[i]);
                }

                batch.Add(entries);
                results.Add(null);
            }
            catch (Exception ex)
            {
                // Serialization failed: reject this atomic write only.
                results.Add(ex);
            }
        }

        if (batch.Count > 0)
        {
            await Store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return results.ToImmutable();
    }

    protected override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        Store.DeleteToAsync(persistenceId, toSequenceNr, cancellationToken);

    public override Task ReplayMessagesAsync(
        IActorContext context,
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<IPersistentRepresentation> recoveryCallback) =>
        Store.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max, entry => recoveryCallback(FromEntry(entry)));

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        Store.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);

    protected override void PostStop()
    {
        if (_store is not null)
        {
            // The store flushes and closes; PostStop must not block for long, and stores
            // complete their pending writes before DisposeAsync returns.
            _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _store = null;
        }

        base.PostStop();
    }

    private JournalEntry ToEntry(IPersistentRepresentation representation)
    {
        var payload = representation.Payload;
        IReadOnlyList<string> tags = [];
        if (payload is Tagged tagged)
        {
            payload = tagged.Payload;
            tags = tagged.Tags.ToArray();
        }

        var serializer = _serialization.FindSerializerFor(payload);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, payload);
        var bytes = serializer.ToBinary(payload);
        var timestamp = representation.Timestamp != 0
            ? representation.Timestamp
            : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return new JournalEntry(
            representation.PersistenceId,
            representation.SequenceNr,
            manifest,
            serializer.Identifier,
            bytes,
            representation.WriterGuid,
            timestamp,
            tags);
    }

    private Persistent FromEntry(JournalEntry entry)
    {
        var payload = _serialization.Deserialize(entry.Payload.ToArray(), entry.SerializerId, entry.Manifest);
        return new Persistent(
            payload,
            entry.SequenceNr,
            entry.PersistenceId,
            manifest: string.Empty,
            isDeleted: false,
            sender: ActorRefs.NoSender,
            writerGuid: entry.WriterGuid,
            timestamp: entry.Timestamp);
    }
}
