namespace Lemegeton.Hosting.Tests.Messages;

/// <summary>ActorRegistry key of the coordinator proxy in the tests.</summary>
public sealed class CoordinatorKey;
