using Lemegeton.Core.States;

namespace Lemegeton.Storage.Sync;

/// <summary>A PR in a hot state: which state, worked on by which agent, since when.</summary>
public sealed record HotPr(string PrId, HotState State, string? AgentId, DateTimeOffset Since);
