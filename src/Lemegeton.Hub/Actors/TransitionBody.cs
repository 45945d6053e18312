namespace Lemegeton.Hub.Actors;

/// <summary>The body of <c>POST /v1/prs/{id}/transition</c>: the cold state to move to and why.</summary>
public sealed record TransitionBody(string? State, string? Reason);
