namespace Lemegeton.Protocol;

/// <summary>A message that expects an answer; the answer echoes <see cref="CorrelationId"/> as its <c>re</c>.</summary>
public interface IProtocolRequest : IProtocolMessage
{
    /// <summary>Chosen by the sender, unique among its outstanding requests.</summary>
    string CorrelationId { get; }
}
