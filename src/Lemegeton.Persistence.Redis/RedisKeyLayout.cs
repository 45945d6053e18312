using StackExchange.Redis;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// Names of the keys the plugin uses, all under one prefix (default <c>lemegeton:{default}:</c>):
/// <list type="bullet">
/// <item><c>{prefix}journal:{pid}</c> — stream, one entry per event, id <c>{seqNr}-0</c>.</item>
/// <item><c>{prefix}journal-highest</c> — hash, persistence id → highest sequence number ever written.</item>
/// <item><c>{prefix}snapshot:{pid}</c> — hash, sequence number → serialized snapshot.</item>
/// <item><c>{prefix}snapshot-index:{pid}</c> — sorted set, score = sequence number, member <c>{seqNr}:{ticks:D19}</c>.</item>
/// </list>
/// </summary>
public sealed class RedisKeyLayout(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey JournalHighest { get; } = prefix + "journal-highest";

    public RedisKey Journal(string persistenceId) => Prefix + "journal:" + persistenceId;

    public RedisKey Snapshot(string persistenceId) => Prefix + "snapshot:" + persistenceId;

    public RedisKey SnapshotIndex(string persistenceId) => Prefix + "snapshot-index:" + persistenceId;
}
