using Lemegeton.Protocol.Work;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>What a <see cref="TestAgent"/> tells its monitor: an assignment it received.</summary>
internal sealed record AgentReport(string AgentId, AssignPr Assignment);
