using System.Text;
using Akka.Configuration;

namespace Lemegeton.Persistence.Redis;

/// <summary>The plugin's identifiers and its reference configuration (<c>reference.conf</c>).</summary>
public static class RedisPersistence
{
    /// <summary>Config path of the journal plugin.</summary>
    public const string JournalPluginId = "akka.persistence.journal.lemegeton-redis";

    /// <summary>Config path of the snapshot-store plugin.</summary>
    public const string SnapshotStorePluginId = "akka.persistence.snapshot-store.lemegeton-redis";

    private static readonly Lazy<Config> Reference = new(LoadReference);

    /// <summary>The defaults of both plugins, rooted at <c>akka.persistence</c>.</summary>
    public static Config DefaultConfig => Reference.Value;

    /// <summary>The journal plugin's defaults (the section itself, not rooted).</summary>
    public static Config DefaultJournalConfig => DefaultConfig.GetConfig(JournalPluginId);

    /// <summary>The snapshot-store plugin's defaults (the section itself, not rooted).</summary>
    public static Config DefaultSnapshotStoreConfig => DefaultConfig.GetConfig(SnapshotStorePluginId);

    private static Config LoadReference()
    {
        const string name = "Lemegeton.Persistence.Redis.reference.conf";
        using var stream = typeof(RedisPersistence).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return ConfigurationFactory.ParseString(reader.ReadToEnd());
    }
}
