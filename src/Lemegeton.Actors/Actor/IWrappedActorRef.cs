namespace Lemegeton.Actors;

/// <summary>
/// A public object that stands for an actor reference (the TestKit's TestProbe). The kernel unwraps
/// it wherever it needs the real reference: watch, stop, ask.
/// </summary>
internal interface IWrappedActorRef
{
    IActorRef Ref { get; }
}

internal static class ActorRefUnwrap
{
    public static IActorRef Unwrap(this IActorRef actor) => actor is IWrappedActorRef w ? w.Ref : actor;
}
