namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>An event was stored.</summary>
public sealed record Persisted(object Event, long SequenceNr);
