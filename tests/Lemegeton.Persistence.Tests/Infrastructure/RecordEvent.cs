namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>Persist one event.</summary>
public sealed record RecordEvent(object Event);
