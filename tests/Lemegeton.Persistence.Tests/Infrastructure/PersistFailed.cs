namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>OnPersistFailure was called.</summary>
public sealed record PersistFailed(object Event, long SequenceNr, Exception Cause);
