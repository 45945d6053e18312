namespace Lemegeton.Hub.Actors;

/// <summary>One PR as <c>GET /v1/prs/{id}</c> shows it: its states, who works on it, and its leased paths.</summary>
public sealed record PrDetailView(string Id, string ColdState, string? HotState, string? AgentId, string? SessionId, long? FencingToken, IReadOnlyList<string> Leases);
