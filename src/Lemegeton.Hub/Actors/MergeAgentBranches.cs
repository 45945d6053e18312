namespace Lemegeton.Hub.Actors;

/// <summary>Coordinator → state sync (back in distributed mode): merge the <c>agent-*</c> branches back, <c>--no-ff</c>.</summary>
public sealed record MergeAgentBranches(IReadOnlyCollection<string> PrIds);
