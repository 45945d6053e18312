using System.Text;
using StackExchange.Redis;

namespace Lemegeton.Storage.Redis;

/// <summary>
/// Every key the hub writes, under <c>lemegeton:{project}:</c> so several repositories can share
/// one Redis.
/// </summary>
public sealed class RedisKeys
{
    public RedisKeys(string project)
    {
        Project = Sanitize(project);
        Prefix = $"lemegeton:{Project}:";
        LeaseFilePrefix = Prefix + "lease:file:";
        LeaseSessionPrefix = Prefix + "lease:session:";
        FencingCounter = Prefix + "lease:fencing";
        LeaseDirectories = Prefix + "lease:directories";
        Health = Prefix + "health";
    }

    public string Project { get; }
    public string Prefix { get; }
    public string LeaseFilePrefix { get; }
    public string LeaseSessionPrefix { get; }

    /// <summary>The per-project fencing-token counter; it only grows.</summary>
    public RedisKey FencingCounter { get; }

    /// <summary>Set of directory leases (paths ending in <c>/</c>) that may still be live.</summary>
    public RedisKey LeaseDirectories { get; }

    /// <summary>Written (with a short expiry) by every health probe.</summary>
    public RedisKey Health { get; }

    public RedisKey LeaseFile(string path) => LeaseFilePrefix + path;

    /// <summary>The set of paths an agent session holds leases on (crash release of that session).</summary>
    public RedisKey LeaseSession(string sessionId) => LeaseSessionPrefix + sessionId;

    /// <summary>Keeps the project name to characters that are safe in a key and a log line.</summary>
    public static string Sanitize(string project)
    {
        if (string.IsNullOrWhiteSpace(project)) return "default";
        var sb = new StringBuilder(project.Length);
        foreach (var c in project.Trim())
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        return sb.ToString();
    }
}
