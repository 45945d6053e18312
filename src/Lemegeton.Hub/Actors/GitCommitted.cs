using Lemegeton.Storage.Git;

namespace Lemegeton.Hub.Actors;

/// <summary>The git mirror committed (or found already recorded: <see cref="Commit"/> null) one cold transition; published on the event stream.</summary>
/// <param name="TransitionId">Its number in journal order (see <see cref="Events.ColdTransitionCommitted"/>).</param>
public sealed record GitCommitted(ColdTransition Transition, string? Commit, long TransitionId = 0);
