using Akka.Hosting;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Spawner;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Tests.Spawner;

/// <summary><c>WithAgentSpawner</c> in a real generic host: agents start with the actor system and are stopped by its CoordinatedShutdown.</summary>
[Trait("Category", "Slow")]
public sealed class AgentSpawnerHostingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly CapturedLog _log = new();
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("lemegeton-spawner-host-");

    [Fact]
    public async Task The_host_starts_the_agents_and_its_shutdown_stops_them_with_sigterm()
    {
        var settings = ShellAgents.Settings("echo \"up in $PWD\"; exec sleep 60", _dir.FullName, "worker:1,qc:1");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_log);
        builder.Services.AddAkka("spawner-hosting-test", akka => akka.WithAgentSpawner(settings));
        using var host = builder.Build();
        await host.StartAsync();

        var pids = new List<int>();
        foreach (var id in new[] { "worker-1", "qc-1" })
        {
            var started = await _log.WaitFor($"{id} started", e => e.EventId == 101 && e["AgentId"] == id, Patience);
            pids.Add(int.Parse(started["Pid"]!, System.Globalization.CultureInfo.InvariantCulture));
            await _log.WaitFor($"{id}'s first line", e => e["AgentId"] == id && e["Line"] == $"up in {_dir.FullName}", Patience);
        }
        Assert.All(pids, pid => Assert.True(Posix.IsAlive(pid)));

        await host.StopAsync();

        Assert.All(pids, pid => Assert.False(Posix.IsAlive(pid), $"agent process {pid} still runs after the host stopped"));
        Assert.Equal(2, _log.Entries.Count(e => e.EventId == 108 && e["ExitCode"] == "143"));
        Assert.Contains(_log.Entries, e => e.EventId == 111);
    }

    [Fact]
    public async Task Without_agents_the_extension_starts_nothing()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_log);
        builder.Services.AddAkka("spawner-hosting-none", akka => akka.WithAgentSpawner(null));
        using var host = builder.Build();
        await host.StartAsync();
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Assert.False(registry.TryGet<AgentSpawnerActor>(out _));
        await host.StopAsync();
    }

    public void Dispose()
    {
        _log.Dispose();
        try { _dir.Delete(recursive: true); }
        catch (IOException) { }
    }
}
