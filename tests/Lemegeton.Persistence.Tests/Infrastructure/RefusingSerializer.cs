using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>A serializer that fails for every object, like a payload no serializer can write.</summary>
public sealed class RefusingSerializer(ExtendedActorSystem system) : Serializer(system)
{
    public override int Identifier => 9_901;

    public override bool IncludeManifest => false;

    public override byte[] ToBinary(object obj) =>
        throw new SerializationException($"{obj.GetType().Name} cannot be serialized (by design of the test).");

    public override object FromBinary(byte[] bytes, Type type) =>
        throw new SerializationException("Nothing serialized by this serializer may ever be stored.");
}
