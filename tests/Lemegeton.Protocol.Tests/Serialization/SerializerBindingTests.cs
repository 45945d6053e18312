using Akka.Actor;
using Akka.Hosting;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lemegeton.Protocol.Tests.Serialization;

/// <summary>Each test starts and stops its own actor system (1–3 s on a busy machine).</summary>
[Trait("Category", "Slow")]
public sealed class SerializerBindingTests
{
    [Fact]
    public async Task The_hocon_snippet_binds_protocol_messages_to_the_serializer()
    {
        var system = ActorSystem.Create("hocon-binding", LemegetonSerialization.Hocon + "\nakka.loglevel = WARNING");
        try
        {
            var serializer = system.Serialization.FindSerializerFor(new Heartbeat(1, HeartbeatStates.Idle));
            Assert.IsType<LemegetonSerializer>(serializer);
            Assert.Equal(LemegetonSerializer.SerializerIdentifier, serializer.Identifier);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task The_hosting_extension_binds_protocol_messages_and_the_given_events()
    {
        using var host = new HostBuilder()
            .ConfigureServices(services => services.AddAkka("hosting-binding", builder => builder
                .AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend)
                .WithLemegetonSerializer(TestRegistries.Receiver)))
            .Build();
        await host.StartAsync();
        try
        {
            var system = (ExtendedActorSystem)host.Services.GetRequiredService<ActorSystem>();
            var heartbeat = system.Serialization.FindSerializerFor(new Heartbeat(1, HeartbeatStates.Idle));
            Assert.IsType<LemegetonSerializer>(heartbeat);

            var seen = new AgentSeen("worker-1", system.DeadLetters);
            var serializer = Assert.IsType<LemegetonSerializer>(system.Serialization.FindSerializerFor(seen));
            var back = Assert.IsType<AgentSeen>(serializer.FromBinary(serializer.ToBinary(seen), serializer.Manifest(seen)));
            Assert.Equal("worker-1", back.AgentId);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
