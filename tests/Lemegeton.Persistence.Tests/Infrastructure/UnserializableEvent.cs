namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>An event bound to <see cref="RefusingSerializer"/>: persisting it must be rejected.</summary>
public sealed record UnserializableEvent(string Text);
