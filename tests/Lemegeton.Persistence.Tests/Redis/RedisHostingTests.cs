using Akka.Actor;
using Akka.Hosting;
using Lemegeton.Persistence.Redis.Hosting;
using Lemegeton.Persistence.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lemegeton.Persistence.Tests.Redis;

/// <summary>One call on the Akka.Hosting builder wires the plugin as the default journal and snapshot store.</summary>
public sealed class RedisHostingTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task WithLemegetonRedisPersistence_makes_persistent_actors_write_to_Redis()
    {
        var prefix = RedisServerFixture.NewKeyPrefix();
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("hosting-spec", builder =>
                builder.WithLemegetonRedisPersistence(redis.ConnectionString, prefix)))
            .Build();
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            var actor = system.ActorOf(EventRecorder.Props("hosted", ActorRefs.Nobody));
            actor.Tell(new RecordEvent("wired"));
            var state = await actor.Ask<Recovered>(new ReportState(), TimeSpan.FromSeconds(5));
            Assert.Equal(["wired"], state.Events.Cast<string>());

            Assert.Equal(Lemegeton.Persistence.Redis.RedisPersistence.SnapshotStorePluginId, system.Settings.Config.GetString("akka.persistence.snapshot-store.plugin"));
            var db = redis.Connection.GetDatabase();
            Assert.Equal(1, (long)await db.HashGetAsync(prefix + "journal-highest", "hosted"));
            Assert.Equal(1, await db.StreamLengthAsync(prefix + "journal:hosted"));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
