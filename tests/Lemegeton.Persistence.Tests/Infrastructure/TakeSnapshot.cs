namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>Save a snapshot of everything recorded so far.</summary>
public sealed record TakeSnapshot;
