namespace Lemegeton.Benchmarks.Persistence;

/// <summary>Persist one event, with <c>PersistAsync</c> when <paramref name="Async"/>.</summary>
public sealed record PersistEvent(string Event, bool Async);
