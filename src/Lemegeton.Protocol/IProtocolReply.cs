namespace Lemegeton.Protocol;

/// <summary>An answer to an <see cref="IProtocolRequest"/>.</summary>
public interface IProtocolReply : IProtocolMessage
{
    /// <summary>The <see cref="IProtocolRequest.CorrelationId"/> of the request answered.</summary>
    string? Re { get; }
}
