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
public sealed class FailoverRedisJournalSpec(RedisServerFixture redis, ITestOutputHelper output)
    : JournalSpecBase(
        FailoverRedisConfig.For(redis.SocketPath, RedisServerFixture.NewKeyPrefix(), Path.Combine(redis.Directory, "failover-local-" + Guid.NewGuid().ToString("N")[..10]), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)),
        LocalJournalConfig.FailoverJournalPath,
        output),
      IClassFixture<RedisServerFixture>;
