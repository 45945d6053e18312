using System.Globalization;
using Lemegeton.Storage.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Lemegeton.Storage.Leases;

/// <summary>
/// File leases in Redis, one Lua script per operation. A lease is owned by a
/// <see cref="LeaseOwner"/> — one agent session working on one PR — so the same agent's leases for
/// two PRs, or of an old and a new session, never stand in for each other. All-or-nothing
/// acquisition with a fencing token; compare-and-set renewal and release; release of everything a
/// session holds through its per-session set (crash clean-up); operator force-release.
/// Re-acquiring files the same owner already holds succeeds (and takes a new token). A path
/// ending in <c>/</c> leases a directory and conflicts with every lease under it.
/// <para>
/// Fencing tokens never repeat and never go backwards, also across a Redis that restarts having
/// lost its last writes (<c>appendfsync everysec</c>) and a hub restart on top of it: every
/// acquisition passes a floor (the highest token this store has issued, the durable high-water
/// mark found at start, and the reserved ceiling after a lost connection) below which the script
/// will not issue, and a ceiling (the durably reserved high-water mark, see
/// <see cref="FencingWatermark"/>) above which it will not issue until the next block is reserved.
/// </para>
/// Scripts derive some key names from the project prefix, so the store targets one Redis
/// instance (not a cluster), and one hub per project keyspace.
/// </summary>
public sealed partial class RedisLeaseStore : IDisposable
{
    private static readonly RedisScript AcquireScript = RedisScript.FromResource("lease-acquire");
    private static readonly RedisScript RenewScript = RedisScript.FromResource("lease-renew");
    private static readonly RedisScript ReleaseScript = RedisScript.FromResource("lease-release");
    private static readonly RedisScript ForceReleaseScript = RedisScript.FromResource("lease-force-release");
    private static readonly RedisScript InspectScript = RedisScript.FromResource("lease-inspect");

    /// <summary>The largest integer a Lua number (a double) holds exactly: "no ceiling".</summary>
    private const long NoCeiling = (1L << 53) - 1;

    private readonly IConnectionMultiplexer _mux;
    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly ILeasePathPolicy _paths;
    private readonly LeaseOptions _options;
    private readonly ILogger _logger;
    private readonly FencingWatermark? _watermark;
    private long _highestIssued;
    private long _reconnectFloor;
    private int _connectionLosses;

    public RedisLeaseStore(IConnectionMultiplexer mux, RedisKeys keys, ILeasePathPolicy paths, LeaseOptions options, ILogger<RedisLeaseStore> logger)
    {
        _mux = mux;
        _db = mux.GetDatabase();
        _keys = keys;
        _paths = paths;
        _options = options;
        _logger = logger;
        if (options.FencingWatermarkPath is { } path)
            _watermark = FencingWatermark.Open(path, options.FencingReserveBlock);
        _mux.ConnectionFailed += OnConnectionFailed;
    }

    /// <summary>The highest fencing token this store has handed out.</summary>
    public long HighestIssuedToken => Interlocked.Read(ref _highestIssued);

    /// <summary>Loads every lease script into the server (EVALSHA then finds them warm).</summary>
    public async Task LoadScriptsAsync()
    {
        foreach (var s in new[] { AcquireScript, RenewScript, ReleaseScript, ForceReleaseScript, InspectScript })
            await s.LoadAsync(_mux).ConfigureAwait(false);
    }

    /// <summary>Acquires every file (after path validation and paired-file expansion) or none.</summary>
    public async Task<LeaseAcquisition> AcquireAsync(LeaseOwner owner, IReadOnlyList<string> files, TimeSpan? ttl = null)
    {
        CheckOwner(owner);
        if (!_paths.TryPrepare(files, out var prepared, out var error))
            return new LeaseAcquisition { Granted = false, Files = files, Error = error };
        if (prepared.Count > _options.MaxFilesPerRequest)
            return new LeaseAcquisition
            {
                Granted = false,
                Files = prepared,
                Error = $"Too many files requested ({prepared.Count} > {_options.MaxFilesPerRequest}, paired test files included): split the PR or raise lemegeton.leases.max-files-per-request.",
            };
        if (prepared.Count == 0)
            return new LeaseAcquisition { Granted = true, Files = prepared };

        var keys = new RedisKey[prepared.Count + 3];
        var args = new RedisValue[prepared.Count + 7];
        keys[0] = _keys.FencingCounter;
        keys[1] = _keys.LeaseSession(owner.SessionId);
        keys[2] = _keys.LeaseDirectories;
        args[0] = owner.AgentId;
        args[1] = owner.SessionId;
        args[2] = owner.PrId;
        args[3] = TtlMs(ttl);
        args[4] = _keys.LeaseFilePrefix;
        for (var i = 0; i < prepared.Count; i++)
        {
            keys[i + 3] = _keys.LeaseFile(prepared[i]);
            args[i + 7] = prepared[i];
        }
        while (true)
        {
            var losses = Volatile.Read(ref _connectionLosses);
            args[5] = Floor();
            args[6] = _watermark?.Ceiling ?? NoCeiling;
            var result = (RedisResult[])(await AcquireScript.EvaluateAsync(_mux, _db, keys, args).ConfigureAwait(false))!;
            var outcome = (long)result[0];
            if (outcome == -1)
            {
                // The next token is past the durable ceiling: reserve the next block, then ask again.
                await _watermark!.ReserveAsync((long)result[1]).ConfigureAwait(false);
                continue;
            }
            if (outcome == 1)
            {
                var token = (long)result[1];
                if (Volatile.Read(ref _connectionLosses) != losses && token <= Interlocked.Read(ref _reconnectFloor))
                {
                    // Sent with a floor from before a lost connection and run by a server that may
                    // have lost writes: the token could repeat one handed out. Take the files again
                    // (same owner: granted) under a token above the new floor.
                    LogRetaken(_logger, owner.AgentId, owner.PrId, token);
                    continue;
                }
                Raise(ref _highestIssued, token);
                ReserveAhead(token);
                LogGranted(_logger, owner.AgentId, owner.SessionId, owner.PrId, prepared.Count, token);
                return new LeaseAcquisition { Granted = true, Files = prepared, FencingToken = token };
            }
            var conflicts = new List<LeaseHolder>((result.Length - 1) / 6);
            for (var i = 1; i + 5 < result.Length; i += 6)
                conflicts.Add(Holder(result, i, withTtl: true));
            LogConflict(_logger, owner.AgentId, owner.PrId, conflicts.Count);
            return new LeaseAcquisition { Granted = false, Files = prepared, Conflicts = conflicts };
        }
    }

    /// <summary>
    /// Extends the TTL of the given files (or of everything this owner holds, through the session
    /// set) where the owner still holds them. Files the session holds for another PR are not touched.
    /// </summary>
    public async Task<LeaseRenewal> RenewAsync(LeaseOwner owner, IReadOnlyList<string>? files = null, TimeSpan? ttl = null)
    {
        CheckOwner(owner);
        if (files is { Count: 0 }) return new LeaseRenewal([], []);
        var args = new List<RedisValue> { OwnerPrefix(owner), SessionPrefix(owner.AgentId, owner.SessionId), TtlMs(ttl), _keys.LeaseFilePrefix };
        if (files is not null) args.AddRange(files.Select(f => (RedisValue)f));
        var result = (RedisValue[])(await RenewScript.EvaluateAsync(_mux, _db, [_keys.LeaseSession(owner.SessionId)], [.. args]).ConfigureAwait(false))!;
        var split = Array.IndexOf(result, (RedisValue)"");
        var renewed = result.Take(split).Select(v => (string)v!).ToArray();
        var lost = result.Skip(split + 1).Select(v => (string)v!).ToArray();
        if (lost.Length > 0) LogLost(_logger, owner.AgentId, owner.PrId, lost.Length);
        return new LeaseRenewal(renewed, lost);
    }

    /// <summary>Releases the given files where this owner (session and PR) holds them; returns those released.</summary>
    public Task<IReadOnlyList<string>> ReleaseAsync(LeaseOwner owner, IReadOnlyList<string> files)
    {
        CheckOwner(owner);
        return files.Count == 0
            ? Task.FromResult<IReadOnlyList<string>>([])
            : ReleaseCoreAsync(OwnerPrefix(owner), owner.AgentId, owner.SessionId, files);
    }

    /// <summary>Releases every file this owner (session and PR) holds, through the session set.</summary>
    public Task<IReadOnlyList<string>> ReleasePrAsync(LeaseOwner owner)
    {
        CheckOwner(owner);
        return ReleaseCoreAsync(OwnerPrefix(owner), owner.AgentId, owner.SessionId, null);
    }

    /// <summary>
    /// Crash clean-up: releases everything one agent session holds, for every PR, through its
    /// session set. Leases of another session of the same agent (a restarted agent) are untouched.
    /// </summary>
    public Task<IReadOnlyList<string>> ReleaseSessionAsync(string agentId, string sessionId)
    {
        CheckId(agentId, nameof(agentId));
        CheckId(sessionId, nameof(sessionId));
        return ReleaseCoreAsync(SessionPrefix(agentId, sessionId), agentId, sessionId, null);
    }

    private async Task<IReadOnlyList<string>> ReleaseCoreAsync(string match, string agentId, string sessionId, IReadOnlyList<string>? files)
    {
        var args = new List<RedisValue> { match, SessionPrefix(agentId, sessionId), _keys.LeaseFilePrefix };
        if (files is not null) args.AddRange(files.Select(f => (RedisValue)f));
        var result = (RedisValue[])(await ReleaseScript.EvaluateAsync(_mux, _db, [_keys.LeaseSession(sessionId)], [.. args]).ConfigureAwait(false))!;
        return result.Select(v => (string)v!).ToArray();
    }

    /// <summary>Operator force-release: deletes the leases whoever holds them; returns what was held.</summary>
    public async Task<IReadOnlyList<LeaseHolder>> ForceReleaseAsync(IReadOnlyList<string> files)
    {
        if (files.Count == 0) return [];
        var args = new List<RedisValue>(files.Count + 2) { _keys.LeaseFilePrefix, _keys.LeaseSessionPrefix };
        args.AddRange(files.Select(f => (RedisValue)f));
        var result = (RedisResult[])(await ForceReleaseScript.EvaluateAsync(_mux, _db, [], [.. args]).ConfigureAwait(false))!;
        var removed = new List<LeaseHolder>(result.Length / 5);
        for (var i = 0; i + 4 < result.Length; i += 5)
        {
            var h = Holder(result, i, withTtl: false);
            LogForced(_logger, h.Path, h.AgentId, h.SessionId, h.PrId);
            removed.Add(h);
        }
        return removed;
    }

    /// <summary>Current holders of the given files (files nobody holds are left out).</summary>
    public async Task<IReadOnlyList<LeaseHolder>> GetHoldersAsync(IReadOnlyList<string> files)
    {
        if (files.Count == 0) return [];
        var args = new List<RedisValue>(files.Count + 1) { _keys.LeaseFilePrefix };
        args.AddRange(files.Select(f => (RedisValue)f));
        var result = (RedisResult[])(await InspectScript.EvaluateAsync(_mux, _db, [], [.. args]).ConfigureAwait(false))!;
        var holders = new List<LeaseHolder>(result.Length / 6);
        for (var i = 0; i + 5 < result.Length; i += 6) holders.Add(Holder(result, i, withTtl: true));
        return holders;
    }

    /// <summary>The files in a session's set (every PR of the session).</summary>
    public async Task<IReadOnlyList<string>> GetSessionFilesAsync(string sessionId) =>
        (await _db.SetMembersAsync(_keys.LeaseSession(sessionId)).ConfigureAwait(false)).Select(v => (string)v!).ToArray();

    /// <summary>
    /// Fencing check: true when the owner still holds every file under exactly this token.
    /// A completion or merge with a stale token must be refused.
    /// </summary>
    public async Task<bool> IsCurrentAsync(LeaseOwner owner, long fencingToken, IReadOnlyList<string> files)
    {
        var holders = await GetHoldersAsync(files).ConfigureAwait(false);
        return holders.Count == files.Count && holders.All(h => h.IsHeldBy(owner) && h.FencingToken == fencingToken);
    }

    public void Dispose() => _mux.ConnectionFailed -= OnConnectionFailed;

    /// <summary>
    /// The connection dropped: the server may come back having lost its last writes, and an
    /// acquisition already on its way carries a floor from before. Every token handed out so far is
    /// at most the reserved ceiling, so from now on tokens start above it.
    /// </summary>
    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        Raise(ref _reconnectFloor, Math.Max(_watermark?.Ceiling ?? 0, Interlocked.Read(ref _highestIssued)));
        Interlocked.Increment(ref _connectionLosses);
    }

    private long Floor() => Math.Max(Math.Max(Interlocked.Read(ref _highestIssued), Interlocked.Read(ref _reconnectFloor)), _watermark?.StartCeiling ?? 0);

    /// <summary>Past half of the reserved block, reserve the next one in the background so grants do not wait for the fsync.</summary>
    private void ReserveAhead(long token)
    {
        if (_watermark is not { } w || token + w.Block / 2 <= w.Ceiling) return;
        _ = w.ReserveAsync(w.Ceiling + 1).ContinueWith(
            static (t, state) => LogReserveFailed((ILogger)state!, t.Exception!.GetBaseException()),
            _logger, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    private static void Raise(ref long field, long value)
    {
        var current = Interlocked.Read(ref field);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref field, value, current);
            if (seen == current) return;
            current = seen;
        }
    }

    private static string OwnerPrefix(LeaseOwner o) => $"{o.AgentId}\n{o.SessionId}\n{o.PrId}\n";

    private static string SessionPrefix(string agentId, string sessionId) => $"{agentId}\n{sessionId}\n";

    private static void CheckOwner(LeaseOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        CheckId(owner.AgentId, "agentId");
        CheckId(owner.SessionId, "sessionId");
        CheckId(owner.PrId, "prId");
    }

    // A lease value is 'agent\nsession\npr\ntoken': ids must not contain control characters.
    private static void CheckId(string id, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, name);
        if (id.Any(char.IsControl))
            throw new ArgumentException($"The {name} '{id.Replace("\n", "\\n")}' contains a control character; agent, session and PR ids must be printable.", name);
    }

    private long TtlMs(TimeSpan? ttl) => (long)(ttl ?? _options.DefaultTtl).TotalMilliseconds;

    private static LeaseHolder Holder(RedisResult[] r, int i, bool withTtl) => new(
        (string)r[i]!,
        (string)r[i + 1]!,
        (string)r[i + 2]!,
        (string)r[i + 3]!,
        long.Parse((string)r[i + 4]!, NumberStyles.Integer, CultureInfo.InvariantCulture),
        withTtl ? TimeSpan.FromMilliseconds(Math.Max(0, (long)r[i + 5])) : TimeSpan.Zero);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Granted {Count} file lease(s) to agent {AgentId} session {SessionId} for {PrId} with fencing token {Token}")]
    private static partial void LogGranted(ILogger logger, string agentId, string sessionId, string prId, int count, long token);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Lease request of agent {AgentId} for {PrId} refused: {Count} file(s) held by others")]
    private static partial void LogConflict(ILogger logger, string agentId, string prId, int count);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Agent {AgentId} lost {Count} lease(s) for {PrId} before renewing them")]
    private static partial void LogLost(ILogger logger, string agentId, string prId, int count);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Force-released lease on {Path} held by agent {AgentId} session {SessionId} for {PrId}")]
    private static partial void LogForced(ILogger logger, string path, string agentId, string sessionId, string prId);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Lease grant to agent {AgentId} for {PrId} under token {Token} crossed a lost Redis connection: taken again under a higher token")]
    private static partial void LogRetaken(ILogger logger, string agentId, string prId, long token);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Error, Message = "Reserving the next block of fencing tokens failed; grants will retry it when they reach the ceiling")]
    private static partial void LogReserveFailed(ILogger logger, Exception exception);
}
