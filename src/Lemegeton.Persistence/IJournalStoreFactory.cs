using Akka.Actor;
using Akka.Configuration;

namespace Lemegeton.Persistence;

/// <summary>
/// Creates a journal store from its HOCON section, so a plugin that wraps another store (the
/// failover journal's primary) can name it by type in configuration
/// (<c>factory = "Namespace.Type, Assembly"</c>). Implementations need a public parameterless constructor.
/// </summary>
public interface IJournalStoreFactory
{
    /// <summary>Creates the store; <paramref name="config"/> is the section that named this factory.</summary>
    IJournalStore Create(ActorSystem system, Config config);
}
