namespace Lemegeton.Benchmarks.Persistence;

/// <summary>Complete <paramref name="Done"/> once the next <paramref name="Count"/> events are persisted.</summary>
public sealed record ExpectEvents(long Count, TaskCompletionSource Done);
