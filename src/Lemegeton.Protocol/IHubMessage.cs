namespace Lemegeton.Protocol;

/// <summary>A message the hub sends to an agent.</summary>
public interface IHubMessage : IProtocolMessage;
