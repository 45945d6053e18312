namespace Lemegeton.Hosting.Tests.Messages;

public sealed record Ping(string Text) : IWireTestMessage;
