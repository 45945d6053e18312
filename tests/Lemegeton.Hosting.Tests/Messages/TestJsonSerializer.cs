using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace Lemegeton.Hosting.Tests.Messages;

/// <summary>A System.Text.Json serializer bound through the hosting hook; counts what it writes.</summary>
public sealed class TestJsonSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    private int _written;

    public override int Identifier => 9_417;

    public int Written => Volatile.Read(ref _written);

    public override string Manifest(object o) => o switch
    {
        Ping => "ping",
        Pong => "pong",
        _ => throw new ArgumentException($"{o.GetType()} is not a test message"),
    };

    public override byte[] ToBinary(object obj)
    {
        Interlocked.Increment(ref _written);
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType());
    }

    public override object FromBinary(byte[] bytes, string manifest) => manifest switch
    {
        "ping" => JsonSerializer.Deserialize<Ping>(bytes)!,
        "pong" => JsonSerializer.Deserialize<Pong>(bytes)!,
        _ => throw new System.Runtime.Serialization.SerializationException($"unknown manifest '{manifest}'"),
    };
}
