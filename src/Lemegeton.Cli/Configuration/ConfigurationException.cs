namespace Lemegeton.Cli.Configuration;

/// <summary>A configuration file, environment variable or <c>--set</c> flag is invalid; the message names it.</summary>
public sealed class ConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
