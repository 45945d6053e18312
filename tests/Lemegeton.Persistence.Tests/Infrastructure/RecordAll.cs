namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>PersistAll: one atomic write.</summary>
public sealed record RecordAll(IReadOnlyList<object> Events);
