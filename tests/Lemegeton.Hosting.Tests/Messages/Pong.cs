namespace Lemegeton.Hosting.Tests.Messages;

/// <summary>The answer to a <see cref="Ping"/>, naming the cluster node that answered.</summary>
public sealed record Pong(string Text, string Node) : IWireTestMessage;
