using System.Globalization;
using Lemegeton.Storage.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Lemegeton.Storage.Leases;

/// <summary>
/// File leases in Redis, one Lua script per operation: all-or-nothing acquisition with a
/// fencing token from a per-project counter that only grows, compare-and-set renewal and
/// release, release of everything an agent holds through its per-agent set, and operator
/// force-release. Re-acquiring files one already holds succeeds (and takes a new token). A path
/// ending in <c>/</c> leases a directory and conflicts with every lease under it. Scripts derive
/// some key names from the project prefix, so the store targets one Redis instance (not a cluster).
/// </summary>
public sealed partial class RedisLeaseStore
{
    private static readonly RedisScript AcquireScript = RedisScript.FromResource("lease-acquire");
    private static readonly RedisScript RenewScript = RedisScript.FromResource("lease-renew");
    private static readonly RedisScript ReleaseScript = RedisScript.FromResource("lease-release");
    private static readonly RedisScript ForceReleaseScript = RedisScript.FromResource("lease-force-release");
    private static readonly RedisScript InspectScript = RedisScript.FromResource("lease-inspect");

    private readonly IConnectionMultiplexer _mux;
    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly ILeasePathPolicy _paths;
    private readonly LeaseOptions _options;
    private readonly ILogger _logger;

    public RedisLeaseStore(IConnectionMultiplexer mux, RedisKeys keys, ILeasePathPolicy paths, LeaseOptions options, ILogger<RedisLeaseStore> logger)
    {
        _mux = mux;
        _db = mux.GetDatabase();
        _keys = keys;
        _paths = paths;
        _options = options;
        _logger = logger;
    }

    /// <summary>Loads every lease script into the server (EVALSHA then finds them warm).</summary>
    public async Task LoadScriptsAsync()
    {
        foreach (var s in new[] { AcquireScript, RenewScript, ReleaseScript, ForceReleaseScript, InspectScript })
            await s.LoadAsync(_mux).ConfigureAwait(false);
    }

    /// <summary>Acquires every file (after path validation and paired-file expansion) or none.</summary>
    public async Task<LeaseAcquisition> AcquireAsync(string agentId, string prId, IReadOnlyList<string> files, TimeSpan? ttl = null)
    {
        CheckId(agentId, nameof(agentId));
        CheckId(prId, nameof(prId));
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
        var args = new RedisValue[prepared.Count + 4];
        keys[0] = _keys.FencingCounter;
        keys[1] = _keys.LeaseAgent(agentId);
        keys[2] = _keys.LeaseDirectories;
        args[0] = agentId;
        args[1] = prId;
        args[2] = TtlMs(ttl);
        args[3] = _keys.LeaseFilePrefix;
        for (var i = 0; i < prepared.Count; i++)
        {
            keys[i + 3] = _keys.LeaseFile(prepared[i]);
            args[i + 4] = prepared[i];
        }
        var result = (RedisResult[])(await AcquireScript.EvaluateAsync(_mux, _db, keys, args).ConfigureAwait(false))!;
        if ((long)result[0] == 1)
        {
            var token = (long)result[1];
            LogGranted(_logger, agentId, prId, prepared.Count, token);
            return new LeaseAcquisition { Granted = true, Files = prepared, FencingToken = token };
        }
        var conflicts = new List<LeaseHolder>((result.Length - 1) / 5);
        for (var i = 1; i + 4 < result.Length; i += 5)
            conflicts.Add(Holder(result, i, withTtl: true));
        LogConflict(_logger, agentId, prId, conflicts.Count);
        return new LeaseAcquisition { Granted = false, Files = prepared, Conflicts = conflicts };
    }

    /// <summary>Extends the TTL of the given files (or of everything the agent holds) where the agent is still the owner.</summary>
    public async Task<LeaseRenewal> RenewAsync(string agentId, IReadOnlyList<string>? files = null, TimeSpan? ttl = null)
    {
        var args = new List<RedisValue> { agentId, TtlMs(ttl), _keys.LeaseFilePrefix };
        if (files is not null) args.AddRange(files.Select(f => (RedisValue)f));
        if (files is { Count: 0 }) return new LeaseRenewal([], []);
        var result = (RedisValue[])(await RenewScript.EvaluateAsync(_mux, _db, [_keys.LeaseAgent(agentId)], [.. args]).ConfigureAwait(false))!;
        var split = Array.IndexOf(result, (RedisValue)"");
        var renewed = result.Take(split).Select(v => (string)v!).ToArray();
        var lost = result.Skip(split + 1).Select(v => (string)v!).ToArray();
        if (lost.Length > 0) LogLost(_logger, agentId, lost.Length);
        return new LeaseRenewal(renewed, lost);
    }

    /// <summary>Releases the given files where the agent is the owner; returns those released.</summary>
    public Task<IReadOnlyList<string>> ReleaseAsync(string agentId, IReadOnlyList<string> files) =>
        files.Count == 0 ? Task.FromResult<IReadOnlyList<string>>([]) : ReleaseCoreAsync(agentId, files);

    /// <summary>Releases everything the agent holds, through its per-agent set (crash reclamation).</summary>
    public Task<IReadOnlyList<string>> ReleaseAllAsync(string agentId) => ReleaseCoreAsync(agentId, null);

    private async Task<IReadOnlyList<string>> ReleaseCoreAsync(string agentId, IReadOnlyList<string>? files)
    {
        var args = new List<RedisValue> { agentId, _keys.LeaseFilePrefix };
        if (files is not null) args.AddRange(files.Select(f => (RedisValue)f));
        var result = (RedisValue[])(await ReleaseScript.EvaluateAsync(_mux, _db, [_keys.LeaseAgent(agentId)], [.. args]).ConfigureAwait(false))!;
        return result.Select(v => (string)v!).ToArray();
    }

    /// <summary>Operator force-release: deletes the leases whoever holds them; returns what was held.</summary>
    public async Task<IReadOnlyList<LeaseHolder>> ForceReleaseAsync(IReadOnlyList<string> files)
    {
        if (files.Count == 0) return [];
        var args = new List<RedisValue>(files.Count + 2) { _keys.LeaseFilePrefix, _keys.LeaseAgentPrefix };
        args.AddRange(files.Select(f => (RedisValue)f));
        var result = (RedisResult[])(await ForceReleaseScript.EvaluateAsync(_mux, _db, [], [.. args]).ConfigureAwait(false))!;
        var removed = new List<LeaseHolder>(result.Length / 4);
        for (var i = 0; i + 3 < result.Length; i += 4)
        {
            var h = Holder(result, i, withTtl: false);
            LogForced(_logger, h.Path, h.AgentId, h.PrId);
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
        var holders = new List<LeaseHolder>(result.Length / 5);
        for (var i = 0; i + 4 < result.Length; i += 5) holders.Add(Holder(result, i, withTtl: true));
        return holders;
    }

    /// <summary>The files in the agent's per-agent set.</summary>
    public async Task<IReadOnlyList<string>> GetAgentFilesAsync(string agentId) =>
        (await _db.SetMembersAsync(_keys.LeaseAgent(agentId)).ConfigureAwait(false)).Select(v => (string)v!).ToArray();

    /// <summary>
    /// Fencing check: true when the agent still holds every file under exactly this token.
    /// A completion or merge with a stale token must be refused.
    /// </summary>
    public async Task<bool> IsCurrentAsync(string agentId, long fencingToken, IReadOnlyList<string> files)
    {
        var holders = await GetHoldersAsync(files).ConfigureAwait(false);
        return holders.Count == files.Count && holders.All(h => h.AgentId == agentId && h.FencingToken == fencingToken);
    }

    // A lease value is 'agent\npr\ntoken': ids must not contain control characters.
    private static void CheckId(string id, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, name);
        if (id.Any(char.IsControl))
            throw new ArgumentException($"The {name} '{id.Replace("\n", "\\n")}' contains a control character; agent and PR ids must be printable.", name);
    }

    private long TtlMs(TimeSpan? ttl) => (long)(ttl ?? _options.DefaultTtl).TotalMilliseconds;

    private static LeaseHolder Holder(RedisResult[] r, int i, bool withTtl) => new(
        (string)r[i]!,
        (string)r[i + 1]!,
        (string)r[i + 2]!,
        long.Parse((string)r[i + 3]!, NumberStyles.Integer, CultureInfo.InvariantCulture),
        withTtl ? TimeSpan.FromMilliseconds(Math.Max(0, (long)r[i + 4])) : TimeSpan.Zero);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Granted {Count} file lease(s) to agent {AgentId} for {PrId} with fencing token {Token}")]
    private static partial void LogGranted(ILogger logger, string agentId, string prId, int count, long token);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "Lease request of agent {AgentId} for {PrId} refused: {Count} file(s) held by others")]
    private static partial void LogConflict(ILogger logger, string agentId, string prId, int count);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Agent {AgentId} lost {Count} lease(s) before renewing them")]
    private static partial void LogLost(ILogger logger, string agentId, int count);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Force-released lease on {Path} held by agent {AgentId} for {PrId}")]
    private static partial void LogForced(ILogger logger, string path, string agentId, string prId);
}
