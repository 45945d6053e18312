namespace Lemegeton.Core.Scheduling;

/// <summary>A file lease currently held (a canonical path; a trailing <c>/</c> covers a directory).</summary>
public sealed record LiveLease(string Path, string AgentId, string? PrId);
