using Akka.Actor;
using Akka.Persistence;

namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>
/// A persistent actor for the specs: persists what it is told (one by one, all at once, or
/// asynchronously), keeps what it persisted or recovered, and reports each outcome to
/// <c>reportTo</c>.
/// </summary>
public sealed class EventRecorder : ReceivePersistentActor
{
    private readonly List<object> _events = [];
    private readonly IActorRef _reportTo;

    public EventRecorder(string persistenceId, IActorRef reportTo)
    {
        PersistenceId = persistenceId;
        _reportTo = reportTo;

        Recover<SnapshotOffer>(offer => _events.AddRange(((RecordedSnapshot)offer.Snapshot).Events));
        Recover<RecoveryCompleted>(_ => _reportTo.Tell(new Recovered([.. _events], LastSequenceNr)));
        RecoverAny(e => _events.Add(e));

        Command<RecordEvent>(r => Persist(r.Event, e =>
        {
            _events.Add(e);
            _reportTo.Tell(new Persisted(e, LastSequenceNr));
        }));
        Command<RecordAsync>(r => PersistAsync(r.Event, e =>
        {
            _events.Add(e);
            _reportTo.Tell(new Persisted(e, LastSequenceNr));
        }));
        Command<RecordAll>(r => PersistAll(r.Events, e =>
        {
            _events.Add(e);
            _reportTo.Tell(new Persisted(e, LastSequenceNr));
        }));
        Command<TakeSnapshot>(_ => SaveSnapshot(new RecordedSnapshot([.. _events])));
        Command<SaveSnapshotSuccess>(s => _reportTo.Tell(s));
        Command<SaveSnapshotFailure>(f => _reportTo.Tell(f));
        Command<ReportState>(_ => Sender.Tell(new Recovered([.. _events], LastSequenceNr)));
    }

    public override string PersistenceId { get; }

    public static Props Props(string persistenceId, IActorRef reportTo) =>
        Akka.Actor.Props.Create(() => new EventRecorder(persistenceId, reportTo));

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) =>
        _reportTo.Tell(new Rejected(@event, sequenceNr, cause));

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _reportTo.Tell(new PersistFailed(@event, sequenceNr, cause));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }
}
