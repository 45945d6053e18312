using Akka.Configuration;
using Lemegeton.Persistence.Local;
using Lemegeton.Persistence.Redis;

namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>The <c>lemegeton-failover</c> plugin section with the Redis store as its primary, behind the plugins' defaults.</summary>
public static class FailoverRedisConfig
{
    public static Config For(
        string socketPath,
        string keyPrefix,
        string localDirectory,
        TimeSpan failoverWriteTimeout,
        TimeSpan redisWriteTimeout,
        TimeSpan catchUpInterval) =>
        ConfigurationFactory.ParseString($$"""
            {{LocalJournalConfig.FailoverJournalPath}} {
              primary {
                factory = "{{typeof(RedisJournalStoreFactory).AssemblyQualifiedName}}"
                connection-string = "{{socketPath}}"
                key-prefix = "{{keyPrefix}}"
                write-timeout = {{(long)redisWriteTimeout.TotalMilliseconds}}ms
                connect-timeout = 5s
              }
              local { directory = "{{localDirectory}}" }
              write-timeout = {{(long)failoverWriteTimeout.TotalMilliseconds}}ms
              read-timeout = 30s
              catch-up-interval = {{(long)catchUpInterval.TotalMilliseconds}}ms
            }
            """).WithFallback(LocalJournalConfig.Default);
}
