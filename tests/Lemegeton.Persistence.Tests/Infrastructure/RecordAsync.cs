namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>PersistAsync one event.</summary>
public sealed record RecordAsync(object Event);
