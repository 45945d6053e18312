using Lemegeton.Core.States;

namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → state sync (on start): compare the journal's cold states with git's HEAD.</summary>
public sealed record ReconcileColdStates(IReadOnlyDictionary<string, ColdState> Journal, IReadOnlyList<UncommittedTransition> Uncommitted);
