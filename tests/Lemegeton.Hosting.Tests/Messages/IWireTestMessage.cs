namespace Lemegeton.Hosting.Tests.Messages;

/// <summary>Marker of the messages bound to <see cref="TestJsonSerializer"/> (as the protocol's types will be to ours).</summary>
public interface IWireTestMessage;
