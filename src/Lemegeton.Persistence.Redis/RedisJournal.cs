using Akka.Configuration;
using Akka.Event;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// The Akka.Persistence journal plugin on Redis (<c>akka.persistence.journal.lemegeton-redis</c>).
/// Serialization and the Akka protocol live in <see cref="StoreBackedJournal"/>; storage in
/// <see cref="RedisJournalStore"/>. Akka creates it with its plugin section.
/// </summary>
public sealed class RedisJournal : StoreBackedJournal
{
    private readonly RedisPersistenceSettings _settings;

    public RedisJournal(Config config)
    {
        _settings = RedisPersistenceSettings.FromConfig(config, RedisPersistence.JournalPluginId);
        Context.GetLogger().Info("Redis journal on {0}, keys under {1}", _settings.Endpoint, _settings.KeyPrefix);
    }

    protected override IJournalStore CreateStore() => new RedisJournalStore(_settings);
}
