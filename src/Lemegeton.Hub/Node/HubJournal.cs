using Akka.Hosting;
using Lemegeton.Persistence.Local;
using Lemegeton.Persistence.Redis;
using Lemegeton.Persistence.Redis.Hosting;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Redis;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Node;

/// <summary>
/// Where the coordinator's events go, decided when the hub starts:
/// <list type="bullet">
/// <item><c>lemegeton.redis.url</c> set: that Redis, through <c>lemegeton-failover</c> (Redis first, the local
/// file journal while Redis is away, caught up into Redis afterwards);</item>
/// <item>otherwise, with <c>redis.embedded</c> on and <c>redis-server</c> installed: the embedded server on a
/// private Unix socket (started, or adopted when a previous hub left it running), same journal;</item>
/// <item>otherwise <c>lemegeton-local</c>, the file journal alone (mode isolated).</item>
/// </list>
/// Snapshots are files under <c>.lemegeton/snapshots</c> in every case. The embedded server is stopped
/// when the host is disposed, after the actor system.
/// </summary>
public sealed partial class HubJournal(string repositoryRoot, RedisOptions redis, JournalOptions journal, ILogger<HubJournal> logger) : IAsyncDisposable
{
    private readonly Lock _stopLock = new();
    private EmbeddedRedis? _embedded;
    private Task? _stopped;
    private Task? _started;

    /// <summary><c>.lemegeton/journal/local</c>: the <c>lemegeton-local</c> journal.</summary>
    public string LocalDirectory => Path.Combine(repositoryRoot, ".lemegeton", "journal", "local");

    /// <summary><c>.lemegeton/journal/failover</c>: the failover journal's local store.</summary>
    public string FailoverDirectory => Path.Combine(repositoryRoot, ".lemegeton", "journal", "failover");

    /// <summary><c>.lemegeton/snapshots</c>.</summary>
    public string SnapshotDirectory => Path.Combine(repositoryRoot, ".lemegeton", "snapshots");

    /// <summary>The Redis connection string of the journal's primary; null when the hub runs on the local journal only.</summary>
    public string? RedisConnection { get; private set; }

    /// <summary>The Redis the journal's primary is on (for the coordination-mode health checks); null without Redis.</summary>
    public RedisConnectionSettings? RedisSettings { get; private set; }

    /// <summary>The journal plugin's config path.</summary>
    public string PluginId => RedisConnection is null ? LocalJournalConfig.LocalJournalPath : LocalJournalConfig.FailoverJournalPath;

    /// <summary>The coordination mode this journal starts in: distributed with Redis, isolated without.</summary>
    public string Mode => RedisConnection is null ? "isolated" : "distributed";

    /// <summary>Decides, starting (or adopting) the embedded Redis when that is the choice; once (later calls return the first one's task).</summary>
    /// <exception cref="HubStartupException">The configured URL is malformed.</exception>
    public Task StartAsync(TimeProvider time, CancellationToken ct)
    {
        lock (_stopLock)
        {
            return _started ??= ChooseAsync(time, ct);
        }
    }

    private async Task ChooseAsync(TimeProvider time, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(redis.Url))
        {
            if (!RedisConnectionSettings.TryParse(redis.Url, out var configured, out var error))
                throw new HubStartupException($"lemegeton.redis.url: {error}");
            RedisSettings = configured;
            RedisConnection = ConnectionString(configured!, redis.Url!);
        }
        else if (redis.Embedded)
        {
            _embedded = await EmbeddedRedis.StartOrAdoptAsync(Path.Combine(repositoryRoot, ".lemegeton", "redis"), logger, time, redis.ServerExecutable, ct).ConfigureAwait(false);
            if (_embedded is not null)
            {
                RedisSettings = _embedded.Connection;
                RedisConnection = ConnectionString(_embedded.Connection, null);
            }
        }

        LogChosen(logger, PluginId, RedisConnection is null ? "none" : redis.Url is null ? "embedded" : "configured", Mode);
    }

    /// <summary>Adds the chosen journal (and the local snapshot store) as the actor system's defaults; call <see cref="StartAsync"/> first.</summary>
    public void Configure(AkkaConfigurationBuilder builder)
    {
        if (_started is not { IsCompletedSuccessfully: true })
            throw new InvalidOperationException("HubJournal.Configure before StartAsync completed: the journal would be chosen without Redis.");
        if (RedisConnection is null)
        {
            builder.WithLocalJournal(LocalDirectory, journal.File, SnapshotDirectory);
            return;
        }

        var primary = new RedisPersistenceOptions { ConnectionString = RedisConnection, KeyPrefix = $"lemegeton:{{{Project()}}}:" };
        builder.WithFailoverJournal<RedisJournalStoreFactory>(FailoverDirectory, RedisJournalStoreFactory.PrimaryHocon(primary), journal.File, snapshotDirectory: SnapshotDirectory);
    }

    /// <summary>
    /// Stops the embedded server (SIGTERM: it flushes its AOF) once; the shutdown's last step calls it
    /// beside the cluster leave, when no event is written any more, so the two waits overlap.
    /// </summary>
    public Task StopEmbeddedAsync()
    {
        lock (_stopLock)
        {
            return _stopped ??= _embedded is { } embedded ? embedded.DisposeAsync().AsTask() : Task.CompletedTask;
        }
    }

    public async ValueTask DisposeAsync() => await StopEmbeddedAsync().ConfigureAwait(false);

    private string Project() => string.IsNullOrWhiteSpace(redis.Project) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(repositoryRoot)) : redis.Project;

    // The plugin takes redis:// and rediss:// URLs as they are, and a Unix socket as its path with db and password as query.
    private static string ConnectionString(RedisConnectionSettings settings, string? url)
    {
        if (settings.UnixSocket is not { } socket) return url ?? throw new InvalidOperationException("a TCP Redis needs its URL");
        var query = new List<string>();
        if (settings.Database != 0) query.Add("db=" + settings.Database.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (settings.Password is { Length: > 0 } password) query.Add("password=" + Uri.EscapeDataString(password));
        return query.Count == 0 ? socket : socket + "?" + string.Join('&', query);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Journal {Plugin} (Redis: {Redis}); starting in mode {Mode}")]
    private static partial void LogChosen(ILogger logger, string plugin, string redis, string mode);
}
