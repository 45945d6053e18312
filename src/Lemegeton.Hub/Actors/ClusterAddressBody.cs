namespace Lemegeton.Hub.Actors;

/// <summary>The body of <c>POST /v1/cluster/leave</c> and <c>/down</c>: a member's address (<c>akka.tcp://lemegeton@host:port</c>).</summary>
public sealed record ClusterAddressBody(string? Address);
