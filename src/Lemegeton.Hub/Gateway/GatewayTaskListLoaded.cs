namespace Lemegeton.Hub.Gateway;

/// <summary>The task list was read (off the actor thread) for the snapshot's PR details; empty when it could not be.</summary>
public sealed record GatewayTaskListLoaded(IReadOnlyDictionary<string, GatewayPrInfo> Prs);
