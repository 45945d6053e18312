namespace Lemegeton.Actors;

/// <summary>
/// Delivered exactly once to a watcher when a watched actor has stopped, including when the actor
/// was already dead at the time of <c>Watch</c>.
/// </summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was already gone when the watch arrived.</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed) : INotInfluenceReceiveTimeout;
