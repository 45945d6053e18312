namespace Lemegeton.Hub.Actors;

/// <summary>A live session as <c>GET /v1/agents</c> shows it.</summary>
public sealed record AgentView(string SessionId, string AgentId, string AgentType, int Capacity, IReadOnlyList<string> Prs);

/// <summary>A PR as <c>GET /v1/prs</c> shows it: its cold state and, while assigned, its hot state, agent and token.</summary>
public sealed record PrView(string Id, string ColdState, string? HotState, string? AgentId, string? SessionId, long? FencingToken);

/// <summary>A leased path as <c>GET /v1/leases</c> shows it.</summary>
public sealed record LeaseView(string Path, string SessionId, string? AgentId, string PrId, long FencingToken);
