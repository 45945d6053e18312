using Akka.Hosting;

namespace Lemegeton.Persistence.Redis.Hosting;

/// <summary>Wires the Redis journal and snapshot store into an Akka.Hosting actor system in one call.</summary>
public static class AkkaRedisPersistenceExtensions
{
    /// <summary>
    /// Adds the plugin's sections (with its reference defaults behind them) and, unless
    /// <see cref="RedisPersistenceOptions.IsDefaultPlugin"/> is false, makes them Akka's default
    /// journal and snapshot store.
    /// </summary>
    public static AkkaConfigurationBuilder WithLemegetonRedisPersistence(this AkkaConfigurationBuilder builder, RedisPersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddHocon(options.ToHocon(), HoconAddMode.Prepend);
        builder.AddHocon(RedisPersistence.DefaultConfig, HoconAddMode.Append);
        return builder;
    }

    /// <summary>Same as <see cref="WithLemegetonRedisPersistence(AkkaConfigurationBuilder, RedisPersistenceOptions)"/> with defaults for everything but the address and prefix.</summary>
    public static AkkaConfigurationBuilder WithLemegetonRedisPersistence(this AkkaConfigurationBuilder builder, string connectionString, string keyPrefix = "lemegeton:{default}:") =>
        builder.WithLemegetonRedisPersistence(new RedisPersistenceOptions { ConnectionString = connectionString, KeyPrefix = keyPrefix });
}
