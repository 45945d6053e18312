namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>OnPersistRejected was called.</summary>
public sealed record Rejected(object Event, long SequenceNr, Exception Cause);
