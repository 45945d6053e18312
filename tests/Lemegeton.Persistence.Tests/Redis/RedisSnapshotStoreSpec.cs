using Lemegeton.Persistence.Redis;
using Lemegeton.Persistence.Tests.Infrastructure;
using Lemegeton.Persistence.Tests.Spec;
using Xunit.Abstractions;

namespace Lemegeton.Persistence.Tests.Redis;

/// <summary>The snapshot-store specification against the Redis plugin on a real redis-server.</summary>
public sealed class RedisSnapshotStoreSpec(RedisServerFixture redis, ITestOutputHelper output)
    : SnapshotStoreSpecBase(redis.PluginConfig(RedisServerFixture.NewKeyPrefix()), RedisPersistence.SnapshotStorePluginId, output),
      IClassFixture<RedisServerFixture>;
