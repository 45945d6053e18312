namespace Lemegeton.Hub.Actors;

/// <summary>The body of <c>POST /v1/leases/release</c>: the files, or an agent whose leases to release; <paramref name="Force"/> must be true.</summary>
public sealed record LeaseReleaseBody(IReadOnlyList<string>? Files, string? Agent, bool Force);
