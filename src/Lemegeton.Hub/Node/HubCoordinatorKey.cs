namespace Lemegeton.Hub.Node;

/// <summary>The key of the coordinator singleton's proxy in Akka.Hosting's <c>ActorRegistry</c>.</summary>
public sealed class HubCoordinatorKey;
