using Akka.Actor;
using Akka.Configuration;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// Makes a <see cref="RedisJournalStore"/> for a plugin that wraps another store, such as the
/// failover journal (<c>akka.persistence.journal.lemegeton-failover</c>), whose <c>primary</c>
/// section names this type in <c>factory</c> and carries the Redis keys of the
/// <c>lemegeton-redis</c> journal section (<c>connection-string</c>, <c>key-prefix</c>,
/// <c>write-timeout</c>, …; missing keys take the plugin's defaults).
/// </summary>
public sealed class RedisJournalStoreFactory : IJournalStoreFactory
{
    /// <summary>Path named in configuration errors: the failover plugin's primary section.</summary>
    public const string FailoverPrimaryPath = "akka.persistence.journal.lemegeton-failover.primary";

    /// <inheritdoc />
    /// <exception cref="ConfigurationException">A Redis key is missing or malformed; the message names it under <see cref="FailoverPrimaryPath"/>.</exception>
    public IJournalStore Create(ActorSystem system, Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RedisJournalStore(RedisPersistenceSettings.FromConfig(config, FailoverPrimaryPath));
    }

    /// <summary>
    /// The body of the failover journal's <c>primary</c> section for <paramref name="options"/>
    /// (connection string, key prefix, write timeout), for
    /// <c>builder.WithFailoverJournal&lt;RedisJournalStoreFactory&gt;(localDirectory, RedisJournalStoreFactory.PrimaryHocon(options))</c>.
    /// </summary>
    public static string PrimaryHocon(Hosting.RedisPersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var journal = ConfigurationFactory.ParseString(options.ToHocon()).GetConfig(RedisPersistence.JournalPluginId);
        return string.Join('\n', new[] { "connection-string", "key-prefix", "write-timeout" }
            .Select(key => key + " = " + System.Text.Json.JsonSerializer.Serialize(journal.GetString(key))));
    }
}
