using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Lemegeton.Persistence.Local;
using Microsoft.Data.Sqlite;

namespace Lemegeton.Benchmarks.Persistence;

/// <summary>
/// Journal plugin load generator: one persistent actor persists N events with Persist (one write
/// in flight) and with PersistAsync (batched), then a fresh actor system replays them.
/// Run: <c>dotnet run -c Release --project bench/Lemegeton.Benchmarks -- journal-load [persist-n] [async-n]</c>
/// </summary>
public static class JournalLoad
{
    public static async Task RunAsync(string[] args)
    {
        var persistN = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var asyncN = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
        var only = args.Length > 3 ? args[3] : null;
        await StoreReplayAsync(persistN + asyncN);
        Console.WriteLine($"| plugin | Persist events/s | PersistAsync events/s | replay events/s (of {asyncN + persistN}) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, config) in Plugins())
        {
            if (only is not null && !name.Contains(only, StringComparison.Ordinal)) continue;
            var root = Path.Combine(Path.GetTempPath(), $"lemegeton-journal-load-{Guid.NewGuid():N}");
            Directory.CreateDirectory(root);
            try
            {
                var cfg = config(root);
                var persist = await WriteAsync(cfg, persistN, async: false);
                var persistAsync = await WriteAsync(cfg, asyncN, async: true);
                var replay = await ReplayAsync(cfg, persistN + asyncN);
                Console.WriteLine($"| {name} | {persist:N0} | {persistAsync:N0} | {replay:N0} |");
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The local store alone, without Akka: replay of the same number of entries (payload as the actor's).</summary>
    private static async Task StoreReplayAsync(int n)
    {
        var root = Path.Combine(Path.GetTempPath(), $"lemegeton-store-replay-{Guid.NewGuid():N}");
        try
        {
            var options = new LocalJournalOptions { Fsync = FsyncPolicy.Never };
            await using (var store = FileJournalStore.Open(root, options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
            {
                var payload = System.Text.Encoding.UTF8.GetBytes("\"lease-granted 12345 " + new string('x', 96) + "\"");
                for (var i = 1; i <= n; i += 100)
                    await store.WriteAsync([.. Enumerable.Range(i, Math.Min(100, n - i + 1)).Select(s => (IReadOnlyList<Lemegeton.Persistence.JournalEntry>)[new("load", s, "", 1, payload, "w", 0, [])])]);
            }
            await using var reopened = FileJournalStore.Open(root, options, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
            var best = 0.0;
            long count = 0;
            for (var round = 0; round < 3; round++)
            {
                count = 0;
                var clock = Stopwatch.StartNew();
                await reopened.ReplayAsync("load", 1, long.MaxValue, long.MaxValue, _ => count++);
                best = Math.Max(best, count / clock.Elapsed.TotalSeconds);
            }
            Console.WriteLine($"(FileJournalStore.ReplayAsync alone, no Akka, best of 3: {best:N0} entries/s of {count})");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<(string Name, Func<string, Config> Config)> Plugins()
    {
        yield return ("lemegeton-local (fsync always)", root => Local(root, "always"));
        yield return ("lemegeton-local (fsync batch 1s)", root => Local(root, "batch"));
        yield return ("Akka.Persistence.Sql 1.5.73, SQLite (rollback journal)", root => Sqlite(root, wal: false));
        yield return ("Akka.Persistence.Sql 1.5.73, SQLite (WAL)", root => Sqlite(root, wal: true));
    }

    private static Config Local(string root, string fsync) => ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.lemegeton-local"
        akka.persistence.journal.lemegeton-local.directory = {{Quote(Path.Combine(root, "journal"))}}
        akka.persistence.journal.lemegeton-local.fsync = {{fsync}}
        """).WithFallback(LocalJournalConfig.Default);

    private static Config Sqlite(string root, bool wal)
    {
        var db = Path.Combine(root, "journal.db");
        if (wal)
        {
            using var connection = new SqliteConnection($"Data Source={db}");
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            pragma.ExecuteNonQuery();
        }
        return ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.persistence.journal.plugin = "akka.persistence.journal.sql"
            akka.persistence.journal.sql {
              connection-string = {{Quote($"Data Source={db}")}}
              provider-name = "SQLite.MS"
              auto-initialize = true
            }
            """).WithFallback(global::Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
    }

    private static async Task<double> WriteAsync(Config config, int n, bool async)
    {
        var system = ActorSystem.Create("journal-load", config);
        try
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var recovered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var actor = system.ActorOf(Props.Create(() => new ThroughputRecorder("load", async, n, done, recovered)));
            await recovered.Task;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) actor.Tell(i);
            await done.Task;
            return n / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<double> ReplayAsync(Config config, int expected)
    {
        var system = ActorSystem.Create("journal-load", config);
        try
        {
            var recovered = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var clock = Stopwatch.StartNew();
            system.ActorOf(Props.Create(() => new ThroughputRecorder("load", false, 0, new TaskCompletionSource(), recovered)));
            var count = await recovered.Task;
            if (count != expected) throw new InvalidOperationException($"replayed {count} events, expected {expected}");
            return count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
