namespace Lemegeton.Storage.Redis;

/// <summary>Where the hot store is (<c>lemegeton.redis.*</c>).</summary>
public sealed class RedisOptions
{
    /// <summary>
    /// <c>redis://[:password@]host:port/db</c> of a Redis to use. Default null: start the embedded
    /// <c>redis-server</c> (or run isolated if there is none).
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Start <c>redis-server</c> from PATH when no URL is set. Default true.</summary>
    public bool Embedded { get; set; } = true;

    /// <summary>The embedded server's executable. Default <c>redis-server</c>.</summary>
    public string ServerExecutable { get; set; } = "redis-server";

    /// <summary>Key namespace: keys are <c>lemegeton:{project}:…</c>. Default: the repository directory's name.</summary>
    public string? Project { get; set; }

    /// <summary>Health checking of the hot store (<c>lemegeton.redis.health.*</c>).</summary>
    public RedisHealthOptions Health { get; set; } = new();
}
