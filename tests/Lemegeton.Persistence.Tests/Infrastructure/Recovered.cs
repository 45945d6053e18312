namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>Recovery completed, or the state on request.</summary>
public sealed record Recovered(IReadOnlyList<object> Events, long LastSequenceNr);
