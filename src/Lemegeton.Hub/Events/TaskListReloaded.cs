using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Events;

/// <summary>
/// The task list was edited: <see cref="Added"/> PRs enter with the cold state the file gives them
/// (<see cref="AddedColdStates"/>, wire names); <see cref="Removed"/> PRs leave, their hot state cleared
/// (assignment and leases dropped).
/// </summary>
public sealed record TaskListReloaded(IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyDictionary<string, string> AddedColdStates) : IPersistedEvent;
