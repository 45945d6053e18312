namespace Lemegeton.Protocol.Session;

/// <summary>
/// Either direction: the request named by <paramref name="Re"/> was accepted. The hub answers
/// <see cref="Work.CompletePr"/>, <see cref="Work.FailPr"/> and <see cref="Leases.ReleaseLeases"/>
/// with it; an agent answers <see cref="Work.AssignPr"/> with it.
/// </summary>
public sealed record Ack(string Re) : IAgentMessage, IHubMessage, IProtocolReply;
