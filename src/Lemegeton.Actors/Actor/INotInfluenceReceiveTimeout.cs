namespace Lemegeton.Actors;

/// <summary>Marker for messages that must not reset the receive timeout (like Akka.NET's).</summary>
public interface INotInfluenceReceiveTimeout;
