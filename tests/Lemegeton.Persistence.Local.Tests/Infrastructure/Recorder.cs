using Akka.Persistence;

namespace Lemegeton.Persistence.Local.Tests.Infrastructure;

/// <summary>
/// A persistent actor for plugin tests: <c>"p:x"</c> persists x, <c>"a:x"</c> persists it with
/// PersistAsync, each answered with <c>"ok:x"</c> once stored; <c>"state"</c> answers the events
/// so far, comma-separated.
/// </summary>
public sealed class Recorder : ReceivePersistentActor
{
    private readonly List<string> _events = [];

    public Recorder(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<string>(e => _events.Add(e));
        Command<string>(command =>
        {
            if (command == "state")
            {
                Sender.Tell(string.Join(",", _events), Self);
                return;
            }
            var sender = Sender;
            var value = command[2..];
            if (command.StartsWith("p:", StringComparison.Ordinal))
            {
                Persist(value, e => { _events.Add(e); sender.Tell("ok:" + e, Self); });
            }
            else
            {
                PersistAsync(value, e => { _events.Add(e); sender.Tell("ok:" + e, Self); });
            }
        });
    }

    public override string PersistenceId { get; }
}
