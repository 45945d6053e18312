using System.Globalization;
using System.Text.Json;
using Akka.Configuration;

namespace Lemegeton.Persistence.Local;

/// <summary>
/// The plugins' HOCON: their default sections (<see cref="Default"/>; the Akka.Hosting extensions
/// add it, an <c>ActorSystem</c> created by hand needs it as a fallback) and reading them back.
/// </summary>
public static class LocalJournalConfig
{
    /// <summary>Config path of the local journal plugin.</summary>
    public const string LocalJournalPath = "akka.persistence.journal.lemegeton-local";

    /// <summary>Config path of the failover journal plugin.</summary>
    public const string FailoverJournalPath = "akka.persistence.journal.lemegeton-failover";

    /// <summary>Defaults of both plugins.</summary>
    public static Config Default { get; } = ConfigurationFactory.ParseString("""
        akka.persistence.journal.lemegeton-local {
          class = "Lemegeton.Persistence.Local.LocalFileJournal, Lemegeton.Persistence.Local"
          plugin-dispatcher = "akka.persistence.dispatchers.default-plugin-dispatcher"
          # Directory of the segments (relative to the working directory).
          directory = "journal"
          # always: fsync each group-committed batch before acknowledging it; batch: at most once per fsync-interval; never: leave it to the OS.
          fsync = always
          fsync-interval = 1s
          # Bytes after which a new segment is started.
          segment-max-bytes = 67108864
          # Most write requests committed together.
          max-batch = 512
        }
        akka.persistence.journal.lemegeton-failover {
          class = "Lemegeton.Persistence.Local.FailoverJournal, Lemegeton.Persistence.Local"
          plugin-dispatcher = "akka.persistence.dispatchers.default-plugin-dispatcher"
          primary {
            # "Namespace.Type, Assembly" of an IJournalStoreFactory; this section is handed to it.
            factory = ""
          }
          local {
            directory = "journal-failover"
            fsync = always
            fsync-interval = 1s
            segment-max-bytes = 67108864
            max-batch = 512
          }
          # A primary write not done after this long goes to the local store.
          write-timeout = 2s
          # Longest wait for the primary's replay or highest sequence number.
          read-timeout = 10s
          # How often local events are copied back into the primary.
          catch-up-interval = 5s
          catch-up-batch = 500
        }
        """);

    /// <summary>Reads the store settings of a local journal section.</summary>
    public static (string Directory, LocalJournalOptions Options) ReadLocal(Config config)
    {
        var directory = config.GetString("directory", "journal");
        var fsync = config.GetString("fsync", "always");
        var options = new LocalJournalOptions
        {
            Fsync = Enum.TryParse<FsyncPolicy>(fsync, ignoreCase: true, out var policy)
                ? policy
                : throw new ConfigurationException($"fsync = \"{fsync}\" is not one of always, batch, never."),
            FsyncInterval = config.GetTimeSpan("fsync-interval", TimeSpan.FromSeconds(1)),
            SegmentMaxBytes = config.GetByteSize("segment-max-bytes") ?? 64L * 1024 * 1024,
            MaxBatch = config.GetInt("max-batch", 512),
        };
        return (directory, options);
    }

    /// <summary>Reads the failover settings of a failover journal section.</summary>
    public static FailoverJournalOptions ReadFailover(Config config) => new()
    {
        WriteTimeout = config.GetTimeSpan("write-timeout", TimeSpan.FromSeconds(2)),
        ReadTimeout = config.GetTimeSpan("read-timeout", TimeSpan.FromSeconds(10)),
        CatchUpInterval = config.GetTimeSpan("catch-up-interval", TimeSpan.FromSeconds(5)),
        CatchUpBatch = config.GetInt("catch-up-batch", 500),
    };

    /// <summary>HOCON of a local store section with these settings.</summary>
    internal static string LocalSection(string directory, LocalJournalOptions options) => string.Create(CultureInfo.InvariantCulture, $$"""
        directory = {{Quote(directory)}}
        fsync = {{options.Fsync.ToString().ToLowerInvariant()}}
        fsync-interval = {{(long)options.FsyncInterval.TotalMilliseconds}}ms
        segment-max-bytes = {{options.SegmentMaxBytes}}
        max-batch = {{options.MaxBatch}}
        """);

    /// <summary>A HOCON quoted string (HOCON strings use JSON's escapes).</summary>
    internal static string Quote(string value) => JsonSerializer.Serialize(value);
}
