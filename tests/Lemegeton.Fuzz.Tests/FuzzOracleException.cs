namespace Lemegeton.Fuzz.Tests;

/// <summary>The target returned or refused, but not as documented (e.g. a diagnostic without a line, a lenient parse that threw).</summary>
public sealed class FuzzOracleException(string message) : Exception(message);
