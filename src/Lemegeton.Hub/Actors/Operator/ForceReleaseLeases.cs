namespace Lemegeton.Hub.Actors.Operator;

/// <summary>Release leases whoever holds them: the named files, or every lease of <see cref="AgentId"/> when <see cref="Files"/> is empty.</summary>
public sealed record ForceReleaseLeases(IReadOnlyList<string> Files, string? AgentId, string By) : IOperatorCommand;
