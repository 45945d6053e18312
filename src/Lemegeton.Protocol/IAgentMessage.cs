namespace Lemegeton.Protocol;

/// <summary>A message an agent sends to the hub.</summary>
public interface IAgentMessage : IProtocolMessage;
