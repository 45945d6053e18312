namespace Lemegeton.Cli.Commands;

/// <summary>The demo cannot go on; the message is the reason shown to the user.</summary>
public sealed class DemoException(string message) : Exception(message);
