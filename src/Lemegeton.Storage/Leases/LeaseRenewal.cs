namespace Lemegeton.Storage.Leases;

/// <summary>Files whose TTL was extended, and files the agent no longer holds (expired or taken).</summary>
public sealed record LeaseRenewal(IReadOnlyList<string> Renewed, IReadOnlyList<string> Lost);
