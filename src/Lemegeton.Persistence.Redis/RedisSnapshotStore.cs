using System.Globalization;
using Akka.Configuration;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Snapshot;
using StackExchange.Redis;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// The Akka.Persistence snapshot store on Redis (<c>akka.persistence.snapshot-store.lemegeton-redis</c>).
/// Per persistence id: a hash <c>{prefix}snapshot:{pid}</c> (sequence number → serialized
/// snapshot) and a sorted set <c>{prefix}snapshot-index:{pid}</c> (score = sequence number, member
/// <c>{seqNr}:{ticks}</c>). Save, load and delete are each one script, so a reader never sees an
/// index entry without its snapshot.
/// </summary>
public sealed class RedisSnapshotStore : SnapshotStore
{
    private static readonly RedisScript SaveScript = RedisScript.FromResource("snapshot-save");
    private static readonly RedisScript LoadScript = RedisScript.FromResource("snapshot-load");
    private static readonly RedisScript DeleteScript = RedisScript.FromResource("snapshot-delete");

    // Sorted-set scores are doubles: exact up to 2^53, beyond that the bound is open.
    private const long ExactScoreLimit = 1L << 53;

    private readonly RedisPersistenceSettings _settings;
    private readonly RedisKeyLayout _keys;
    private readonly Akka.Serialization.Serialization _serialization;
    private readonly Akka.Actor.ExtendedActorSystem _system;
    private RedisConnection? _connection;

    public RedisSnapshotStore(Config config)
    {
        _settings = RedisPersistenceSettings.FromConfig(config, RedisPersistence.SnapshotStorePluginId);
        _keys = new RedisKeyLayout(_settings.KeyPrefix);
        _system = (Akka.Actor.ExtendedActorSystem)Context.System;
        _serialization = _system.Serialization;
        Context.GetLogger().Info("Redis snapshot store on {0}, keys under {1}", _settings.Endpoint, _settings.KeyPrefix);
    }

    private RedisConnection Connection => _connection ??= new RedisConnection(_settings, "lemegeton-snapshots");

    protected override async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        var connection = Connection;
        var db = await connection.DatabaseAsync().ConfigureAwait(false);
        var result = await LoadScript.EvaluateAsync(db, Keys(persistenceId), Bounds(criteria)).ConfigureAwait(false);
        if (result.IsNull) return null;
        var parts = (RedisResult[])result!;
        var (sequenceNr, timestamp) = SnapshotRecord.ParseIndexMember((string)parts[0]!);
        var record = SnapshotRecord.Decode((byte[])parts[1]!, persistenceId, sequenceNr);
        var snapshot = _serialization.Deserialize(record.Payload, record.SerializerId, record.Manifest);
        return new SelectedSnapshot(new SnapshotMetadata(persistenceId, sequenceNr, timestamp), snapshot);
    }

    protected override async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        var serializer = _serialization.FindSerializerFor(snapshot);
        var manifest = Akka.Serialization.Serialization.ManifestFor(serializer, snapshot);
        var payload = Akka.Serialization.Serialization.WithTransport(_system, () => serializer.ToBinary(snapshot));
        var record = new SnapshotRecord(serializer.Identifier, manifest, payload);
        var connection = Connection;
        var db = await connection.DatabaseAsync().ConfigureAwait(false);
        await SaveScript.EvaluateAsync(
            db,
            Keys(metadata.PersistenceId),
            [
                metadata.SequenceNr.ToString(CultureInfo.InvariantCulture),
                SnapshotRecord.IndexMember(metadata.SequenceNr, metadata.Timestamp),
                record.Encode(),
            ]).ConfigureAwait(false);
    }

    protected override Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken) =>
        // One snapshot per sequence number is kept (a save replaces), so the number identifies it.
        DeleteMatchingAsync(metadata.PersistenceId, new SnapshotSelectionCriteria(metadata.SequenceNr, DateTime.MaxValue, metadata.SequenceNr, DateTime.MinValue));

    protected override Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken) =>
        DeleteMatchingAsync(persistenceId, criteria);

    private async Task DeleteMatchingAsync(string persistenceId, SnapshotSelectionCriteria criteria)
    {
        var connection = Connection;
        var db = await connection.DatabaseAsync().ConfigureAwait(false);
        await DeleteScript.EvaluateAsync(db, Keys(persistenceId), Bounds(criteria)).ConfigureAwait(false);
    }

    protected override void PostStop()
    {
        if (_connection is not null)
        {
            _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _connection = null;
        }

        base.PostStop();
    }

    private RedisKey[] Keys(string persistenceId) => [_keys.Snapshot(persistenceId), _keys.SnapshotIndex(persistenceId)];

    private static RedisValue[] Bounds(SnapshotSelectionCriteria criteria) =>
    [
        criteria.MaxSequenceNr >= ExactScoreLimit ? "+inf" : criteria.MaxSequenceNr.ToString(CultureInfo.InvariantCulture),
        criteria.MinSequenceNr <= 0 ? "-inf" : criteria.MinSequenceNr.ToString(CultureInfo.InvariantCulture),
        SnapshotRecord.Ticks(criteria.MaxTimeStamp),
        SnapshotRecord.Ticks(criteria.MinTimestamp ?? DateTime.MinValue),
    ];
}
