using Akka.Actor;
using Akka.Actor.Setup;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Protocol.Tests.Infrastructure;

/// <summary>A local actor system with the Lemegeton serializer bound (protocol + test registries).</summary>
public sealed class LocalSystemFixture : IDisposable
{
    public LocalSystemFixture()
    {
        System = (ExtendedActorSystem)ActorSystem.Create("protocol-tests", ActorSystemSetup.Create(
            BootstrapSetup.Create().WithConfig("akka.loglevel = WARNING"),
            LemegetonSerialization.CreateSetup(TestRegistries.Receiver)));
        Serializer = (LemegetonSerializer)System.Serialization.FindSerializerForType(typeof(Session.Heartbeat));
    }

    public ExtendedActorSystem System { get; }

    public LemegetonSerializer Serializer { get; }

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(10));
}
