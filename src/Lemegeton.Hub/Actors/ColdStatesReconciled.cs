using Lemegeton.Core.States;

namespace Lemegeton.Hub.Actors;

/// <summary>State sync → coordinator: where git wins; <see cref="Error"/> when HEAD could not be read (nothing wins then).</summary>
public sealed record ColdStatesReconciled(IReadOnlyList<GitWins> GitWins, string? Error);
