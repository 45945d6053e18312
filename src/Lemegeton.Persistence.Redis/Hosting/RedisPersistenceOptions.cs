using System.Globalization;
using System.Text;

namespace Lemegeton.Persistence.Redis.Hosting;

/// <summary>What <see cref="AkkaRedisPersistenceExtensions.WithLemegetonRedisPersistence"/> configures.</summary>
public sealed record RedisPersistenceOptions
{
    /// <summary>Where Redis is: <c>redis://…</c>, <c>rediss://…</c> or a Unix socket path. Required.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Prefix of every key; default <c>lemegeton:{default}:</c>. Put the project name in the braces.</summary>
    public string KeyPrefix { get; init; } = "lemegeton:{default}:";

    /// <summary>Longest a write may take; default 5 s.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Make the journal and snapshot store Akka's defaults (<c>akka.persistence.journal.plugin</c>); default true.</summary>
    public bool IsDefaultPlugin { get; init; } = true;

    /// <summary>Configure the snapshot store too; default true.</summary>
    public bool WithSnapshotStore { get; init; } = true;

    /// <summary>The HOCON these options stand for.</summary>
    public string ToHocon()
    {
        var sb = new StringBuilder();
        var timeout = ((long)WriteTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        sb.Append(RedisPersistence.JournalPluginId).Append(" {\n")
          .Append("  connection-string = ").Append(Quote(ConnectionString)).Append('\n')
          .Append("  key-prefix = ").Append(Quote(KeyPrefix)).Append('\n')
          .Append("  write-timeout = ").Append(timeout).Append('\n')
          .Append("}\n");
        if (WithSnapshotStore)
        {
            sb.Append(RedisPersistence.SnapshotStorePluginId).Append(" {\n")
              .Append("  connection-string = ").Append(Quote(ConnectionString)).Append('\n')
              .Append("  key-prefix = ").Append(Quote(KeyPrefix)).Append('\n')
              .Append("  write-timeout = ").Append(timeout).Append('\n')
              .Append("}\n");
        }

        if (IsDefaultPlugin)
        {
            sb.Append("akka.persistence.journal.plugin = ").Append(Quote(RedisPersistence.JournalPluginId)).Append('\n');
            if (WithSnapshotStore)
                sb.Append("akka.persistence.snapshot-store.plugin = ").Append(Quote(RedisPersistence.SnapshotStorePluginId)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.Append('"').ToString();
    }
}
