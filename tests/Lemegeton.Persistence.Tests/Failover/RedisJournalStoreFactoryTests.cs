using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Lemegeton.Persistence.Local;
using Lemegeton.Persistence.Redis;
using Lemegeton.Persistence.Redis.Hosting;
using Lemegeton.Persistence.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lemegeton.Persistence.Tests.Failover;

/// <summary>The factory the failover journal names in <c>primary.factory</c>, and its Akka.Hosting wiring.</summary>
public sealed class RedisJournalStoreFactoryTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public void A_primary_section_without_a_connection_string_is_refused_naming_the_key()
    {
        var config = ConfigurationFactory.ParseString("key-prefix = \"x:{y}:\"");
        var ex = Assert.Throws<ConfigurationException>(() => new RedisJournalStoreFactory().Create(null!, config));
        Assert.Contains("akka.persistence.journal.lemegeton-failover.primary.connection-string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WithFailoverJournal_and_PrimaryHocon_make_persistent_actors_write_to_Redis()
    {
        var prefix = RedisServerFixture.NewKeyPrefix();
        var local = Path.Combine(redis.Directory, "hosted-local-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new RedisPersistenceOptions { ConnectionString = redis.ConnectionString, KeyPrefix = prefix, WriteTimeout = TimeSpan.FromSeconds(3) };
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("failover-hosting-spec", builder =>
                builder.WithFailoverJournal<RedisJournalStoreFactory>(local, RedisJournalStoreFactory.PrimaryHocon(options))))
            .Build();
        await host.StartAsync();
        try
        {
            var system = host.Services.GetRequiredService<ActorSystem>();
            Assert.Equal(LocalJournalConfig.FailoverJournalPath, system.Settings.Config.GetString("akka.persistence.journal.plugin"));
            Assert.Equal("3000ms", system.Settings.Config.GetString(LocalJournalConfig.FailoverJournalPath + ".primary.write-timeout"));
            var actor = system.ActorOf(EventRecorder.Props("hosted", ActorRefs.Nobody));
            actor.Tell(new RecordEvent("wired"));
            var state = await actor.Ask<Recovered>(new ReportState(), TimeSpan.FromSeconds(30));
            Assert.Equal(["wired"], state.Events.Cast<string>());
            Assert.Equal(1, await redis.Connection.GetDatabase().StreamLengthAsync(prefix + "journal:hosted"));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
