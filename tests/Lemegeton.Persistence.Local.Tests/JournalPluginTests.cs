using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Lemegeton.Persistence.Local.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using static Lemegeton.Persistence.Local.Tests.Infrastructure.Entries;

namespace Lemegeton.Persistence.Local.Tests;

/// <summary>The plugins inside a real actor system: persist, stop the system, recover in a new one.</summary>
public sealed class JournalPluginTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new("journal-plugin");

    public void Dispose() => _dir.Dispose();

    private Config LocalConfig() => ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.lemegeton-local"
        akka.persistence.journal.lemegeton-local.directory = {{LocalJournalConfig.Quote(Path.Combine(_dir.Path, "journal"))}}
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.local"
        akka.persistence.snapshot-store.local.dir = {{LocalJournalConfig.Quote(Path.Combine(_dir.Path, "snapshots"))}}
        """).WithFallback(LocalJournalConfig.Default);

    private Config FailoverConfig() => ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.persistence.journal.plugin = "akka.persistence.journal.lemegeton-failover"
        akka.persistence.journal.lemegeton-failover {
          primary.factory = {{LocalJournalConfig.Quote(typeof(FileStoreFactory).AssemblyQualifiedName!)}}
          primary.directory = {{LocalJournalConfig.Quote(Path.Combine(_dir.Path, "primary"))}}
          local.directory = {{LocalJournalConfig.Quote(Path.Combine(_dir.Path, "local"))}}
        }
        """).WithFallback(LocalJournalConfig.Default);

    private static async Task<string> Ask(IActorRef actor, string message) => await actor.Ask<string>(message, Wait);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_local_plugin_keeps_persisted_and_persist_async_events_across_actor_systems()
    {
        var first = ActorSystem.Create("local-1", LocalConfig());
        try
        {
            var recorder = first.ActorOf(Props.Create(() => new Recorder("hub")));
            Assert.Equal("ok:one", await Ask(recorder, "p:one"));
            Assert.Equal("ok:two", await Ask(recorder, "a:two"));
            Assert.Equal("ok:three", await Ask(recorder, "p:three"));
        }
        finally
        {
            await first.Terminate().WaitAsync(Wait);
        }

        var second = ActorSystem.Create("local-2", LocalConfig());
        try
        {
            var recovered = second.ActorOf(Props.Create(() => new Recorder("hub")));
            Assert.Equal("one,two,three", await Ask(recovered, "state"));
            Assert.Equal("ok:four", await Ask(recovered, "p:four")); // sequence numbers continue
        }
        finally
        {
            await second.Terminate().WaitAsync(Wait);
        }

        await using var store = FileJournalStore.Open(Path.Combine(_dir.Path, "journal"), new LocalJournalOptions(), TimeProvider.System, NullLogger.Instance);
        Assert.Equal(4, await store.ReadHighestSequenceNrAsync("hub", 0));
    }

    [Fact]
    public async Task The_failover_plugin_writes_to_the_primary_its_factory_makes_and_recovers_from_it()
    {
        var first = ActorSystem.Create("failover-1", FailoverConfig());
        try
        {
            var recorder = first.ActorOf(Props.Create(() => new Recorder("hub")));
            Assert.Equal("ok:one", await Ask(recorder, "p:one"));
            Assert.Equal("ok:two", await Ask(recorder, "a:two"));
        }
        finally
        {
            await first.Terminate().WaitAsync(Wait);
        }

        await using (var primary = FileJournalStore.Open(Path.Combine(_dir.Path, "primary"), new LocalJournalOptions(), TimeProvider.System, NullLogger.Instance))
            Assert.Equal(2, (await ReplayAll(primary, "hub")).Count);

        var second = ActorSystem.Create("failover-2", FailoverConfig());
        try
        {
            Assert.Equal("one,two", await Ask(second.ActorOf(Props.Create(() => new Recorder("hub"))), "state"));
        }
        finally
        {
            await second.Terminate().WaitAsync(Wait);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task WithLocalJournal_wires_the_plugin_and_snapshot_store_into_a_hosted_actor_system()
    {
        var directory = Path.Combine(_dir.Path, "hosted");
        for (var run = 1; run <= 2; run++)
        {
            using var host = Host.CreateDefaultBuilder()
                .ConfigureServices(services => services.AddAkka("hosted", builder => builder
                    .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
                    .WithLocalJournal(directory)))
                .Build();
            await host.StartAsync();
            var system = host.Services.GetRequiredService<ActorSystem>();
            var recorder = system.ActorOf(Props.Create(() => new Recorder("hub")));
            Assert.Equal(run == 1 ? "" : "first", await Ask(recorder, "state"));
            if (run == 1) Assert.Equal("ok:first", await Ask(recorder, "p:first"));
            await host.StopAsync();
        }

        Assert.True(File.Exists(FileJournalStore.SegmentPath(directory, 1)));
    }
}
