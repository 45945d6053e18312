namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>An event with a few field types, serialized by Akka's default serializer.</summary>
public sealed record SampleEvent(string Text, int Number, byte[] Bytes);
