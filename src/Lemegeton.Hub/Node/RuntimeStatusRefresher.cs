using Akka.Actor;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Node;

/// <summary>
/// Keeps <see cref="CoordinatorRuntimeStatus"/> current: asks the coordinator for its state after each
/// persisted event on the event stream (one ask in flight, changes meanwhile coalesced into one more)
/// and once a second. A failed ask (the singleton not up yet) is retried by the next tick. Supervision:
/// the default (restart); it holds nothing worth keeping.
/// </summary>
public sealed class RuntimeStatusRefresher : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);
    private readonly IActorRef _coordinator;
    private readonly CoordinatorRuntimeStatus _status;
    private bool _inFlight;
    private bool _dirty;

    public RuntimeStatusRefresher(IActorRef coordinator, CoordinatorRuntimeStatus status)
    {
        _coordinator = coordinator;
        _status = status;
        Receive<Fetched>(f =>
        {
            _inFlight = false;
            if (f.State is { } state) _status.Update(state);
            if (_dirty) Request();
        });
        Receive<Refresh>(_ => Request());
        Receive<IPersistedEvent>(_ => Request());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef coordinator, CoordinatorRuntimeStatus status) =>
        Akka.Actor.Props.Create(() => new RuntimeStatusRefresher(coordinator, status));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(IPersistedEvent));
        Timers.StartPeriodicTimer("refresh", Refresh.Instance, TimeSpan.Zero, TimeSpan.FromSeconds(1));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Request()
    {
        if (_inFlight)
        {
            _dirty = true;
            return;
        }

        _inFlight = true;
        _dirty = false;
        _coordinator.Ask<CoordinatorSnapshot>(GetCoordinatorState.Instance, AskTimeout)
            .PipeTo(Self, success: s => new Fetched(s), failure: _ => new Fetched(null));
    }

    private sealed record Refresh
    {
        public static Refresh Instance { get; } = new();
    }

    private sealed record Fetched(CoordinatorSnapshot? State);
}
