namespace Lemegeton.Hub.Actors;

/// <summary>One live session as <c>GET /v1/agents/{id}</c> shows it: its PRs and leased paths.</summary>
public sealed record AgentDetailView(string SessionId, string AgentId, string AgentType, int Capacity, IReadOnlyList<string> Prs, IReadOnlyList<string> Leases);
