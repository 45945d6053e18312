namespace Lemegeton.Hub.Actors;

/// <summary>
/// <c>GET /v1/coordinator</c>: the coordinator's side of <c>lemegeton status</c>.
/// <paramref name="PrsByState"/> counts PRs by their current state: the hot state while assigned, else the cold state.
/// </summary>
public sealed record CoordinatorSummary(
    string Mode,
    bool Paused,
    int Agents,
    int WorkingAgents,
    int PrsInFlight,
    int Leases,
    IReadOnlyDictionary<string, int> PrsByState);
