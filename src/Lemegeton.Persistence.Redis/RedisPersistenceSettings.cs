using Akka.Configuration;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// One plugin section (<c>akka.persistence.journal.lemegeton-redis</c> or
/// <c>akka.persistence.snapshot-store.lemegeton-redis</c>) read and checked. Every error names
/// the full key path and what to write instead.
/// </summary>
/// <param name="Endpoint">Where Redis is (from <c>connection-string</c>).</param>
/// <param name="KeyPrefix">Prefix of every key (<c>key-prefix</c>), default <c>lemegeton:{default}:</c>.</param>
/// <param name="WriteTimeout">Longest a write may take (<c>write-timeout</c>), default 5 s.</param>
/// <param name="ConnectTimeout">Longest the first connect may take (<c>connect-timeout</c>), default 5 s.</param>
/// <param name="ReplayPageSize">Entries per XRANGE on replay (<c>replay-page-size</c>, journal only), default 1000.</param>
/// <param name="MaxBatchSize">Most events in one group-committed script call (<c>max-batch-size</c>, journal only), default 2000.</param>
public sealed record RedisPersistenceSettings(
    RedisEndpoint Endpoint,
    string KeyPrefix,
    TimeSpan WriteTimeout,
    TimeSpan ConnectTimeout,
    int ReplayPageSize,
    int MaxBatchSize)
{
    /// <summary>
    /// Reads a plugin section. <paramref name="config"/> is the section itself (what Akka hands a
    /// plugin's constructor); missing keys fall back to the plugin's reference configuration.
    /// </summary>
    /// <param name="config">The plugin section.</param>
    /// <param name="path">The section's path, for error messages (e.g. <see cref="RedisPersistence.JournalPluginId"/>).</param>
    /// <exception cref="ConfigurationException">A key is missing or malformed; the message names it.</exception>
    public static RedisPersistenceSettings FromConfig(Config config, string path)
    {
        var fallback = path.StartsWith("akka.persistence.snapshot-store", StringComparison.Ordinal)
            ? RedisPersistence.DefaultSnapshotStoreConfig
            : RedisPersistence.DefaultJournalConfig;
        config = config.WithFallback(fallback);

        var connection = config.GetString("connection-string", string.Empty) ?? string.Empty;
        if (!RedisEndpoint.TryParse(connection, out var endpoint, out var error))
            throw new ConfigurationException($"{path}.connection-string: {error}");

        var prefix = config.GetString("key-prefix", string.Empty) ?? string.Empty;
        if (prefix.Length == 0)
            throw new ConfigurationException($"{path}.key-prefix is empty: give the plugin a prefix of its own, e.g. \"lemegeton:{{my-project}}:\".");

        return new RedisPersistenceSettings(
            endpoint!,
            prefix,
            Positive(config, path, "write-timeout"),
            Positive(config, path, "connect-timeout"),
            PositiveInt(config, path, "replay-page-size"),
            PositiveInt(config, path, "max-batch-size"));
    }

    private static TimeSpan Positive(Config config, string path, string key)
    {
        TimeSpan value;
        try
        {
            value = config.GetTimeSpan(key, TimeSpan.Zero, allowInfinite: false);
        }
        catch (Exception ex) when (ex is FormatException or ConfigurationException or OverflowException)
        {
            throw new ConfigurationException($"{path}.{key} = \"{config.GetString(key)}\" is not a duration: write e.g. 5s or 500ms.");
        }

        if (value <= TimeSpan.Zero)
            throw new ConfigurationException($"{path}.{key} must be a positive duration such as 5s.");
        return value;
    }

    private static int PositiveInt(Config config, string path, string key)
    {
        var text = config.GetString(key, "1000");
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
            throw new ConfigurationException($"{path}.{key} = \"{text}\" must be a positive whole number.");
        return value;
    }
}
