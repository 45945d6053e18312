using Lemegeton.Persistence.Redis;
using Lemegeton.Persistence.Tests.Infrastructure;
using Lemegeton.Persistence.Tests.Spec;
using Xunit.Abstractions;

namespace Lemegeton.Persistence.Tests.Redis;

/// <summary>The journal specification against the Redis plugin on a real redis-server.</summary>
public sealed class RedisJournalSpec(RedisServerFixture redis, ITestOutputHelper output)
    : JournalSpecBase(redis.PluginConfig(RedisServerFixture.NewKeyPrefix()), RedisPersistence.JournalPluginId, output),
      IClassFixture<RedisServerFixture>;
