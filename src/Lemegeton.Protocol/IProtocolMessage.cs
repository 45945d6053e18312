namespace Lemegeton.Protocol;

/// <summary>
/// Marker of every agent ⇄ hub message. Akka binds this interface to the Lemegeton serializer, so no
/// protocol message ever goes through Akka's default Newtonsoft serializer.
/// </summary>
public interface IProtocolMessage;
