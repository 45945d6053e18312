using Lemegeton.Persistence.Local;
using Lemegeton.Persistence.Tests.Infrastructure;
using Lemegeton.Persistence.Tests.Spec;
using Xunit.Abstractions;

namespace Lemegeton.Persistence.Tests.Failover;

/// <summary>
/// The journal specification against <c>lemegeton-failover</c> with the Redis store as its primary
/// (made by <c>RedisJournalStoreFactory</c> from the primary section) on a real redis-server. The
/// local store lives in the fixture's directory, which the fixture removes.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FailoverRedisJournalSpec : JournalSpecBase, IClassFixture<RedisServerFixture>
{
    private readonly RedisServerFixture _redis;
    private readonly string _keyPrefix;

    public FailoverRedisJournalSpec(RedisServerFixture redis, ITestOutputHelper output)
        : this(redis, output, RedisServerFixture.NewKeyPrefix())
    {
    }

    private FailoverRedisJournalSpec(RedisServerFixture redis, ITestOutputHelper output, string keyPrefix)
        : base(
            FailoverRedisConfig.For(redis.SocketPath, keyPrefix, Path.Combine(redis.Directory, "failover-local-" + Guid.NewGuid().ToString("N")[..10]), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)),
            LocalJournalConfig.FailoverJournalPath,
            output)
    {
        _redis = redis;
        _keyPrefix = keyPrefix;
    }

    [Fact]
    public async Task Writes_while_Redis_is_up_go_to_Redis()
    {
        var db = _redis.Connection.GetDatabase();
        Assert.Equal(5, await db.StreamLengthAsync(_keyPrefix + "journal:" + Pid));
        Assert.Equal(5, (long)await db.HashGetAsync(_keyPrefix + "journal-highest", Pid));
    }
}
