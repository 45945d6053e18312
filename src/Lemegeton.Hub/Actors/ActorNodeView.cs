namespace Lemegeton.Hub.Actors;

/// <summary>
/// One actor in <c>GET /v1/actors</c>: its path, class, mailbox depth (null where Akka does not expose
/// it, e.g. a remote actor), restarts counted by its supervisor in the current window, the state name
/// of an FSM actor, and its children.
/// </summary>
public sealed record ActorNodeView(string Path, string Name, string? Type, int? MailboxDepth, long? Restarts, string? FsmState, IReadOnlyList<ActorNodeView> Children);
