namespace Lemegeton.Hub.Spawner;

/// <summary>One local agent process the hub starts and supervises: its id (<c>worker-1</c>) and type (<c>worker</c>).</summary>
public sealed record SpawnedAgent(string Id, string Type);
