using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Actors;

/// <summary>
/// The runtime of one actor: its reference, mailbox, context and supervision state in one object,
/// so an idle actor costs a few hundred bytes. Split into partial files by concern like Akka.NET's
/// ActorCell (mailbox, children, death watch, fault handling, receive timeout).
/// Everything not marked thread-safe is only touched by the actor's own run (one thread at a time).
/// </summary>
internal sealed partial class ActorCell : InternalActorRef, IActorContext
{
    [ThreadStatic] private static ActorCell? t_current;

    private readonly ActorSystem _system;
    private readonly Props _props;
    private readonly ActorCell? _parent;
    private readonly ActorPath _path;
    private ActorBase? _actor;

    // Current message (valid during Invoke and, for ReceiveAsync, until its task completes).
    private object? _currentMessage;
    private IActorRef? _currentSender;

    private Stack<Receive>? _behaviorStack;
    private TimerScheduler? _timers;
    private long _messagesProcessed;
    private int _restarts;

    public ActorCell(ActorSystem system, Props props, ActorCell? parent, ActorPath path)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _path = path;
        var mailbox = props.Mailbox;
        _capacity = mailbox.Capacity ?? 0;
        _throughput = mailbox.Throughput ?? system.Settings.Throughput;
    }

    /// <summary>The cell whose actor is running on this thread.</summary>
    internal static ActorCell? Current => t_current;

    public override ActorPath Path => _path;

    public override bool IsTerminated => Volatile.Read(ref _terminated) != 0;

    public IActorRef Self => this;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => (IActorRef?)_parent ?? _system.DeadLetters;

    public Props Props => _props;

    public ActorSystem System => _system;

    internal ActorBase? Actor => _actor;

    internal ActorCell? ParentCell => _parent;

    internal long MessagesProcessed => Volatile.Read(ref _messagesProcessed);

    internal int Restarts => Volatile.Read(ref _restarts);

    public ILogger GetLogger() => _system.LoggerFactory.CreateLogger(_props.ActorType);

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var stack = _behaviorStack ??= new Stack<Receive>();
        if (stack.Count > 0) stack.Pop();
        stack.Push(receive);
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviorStack ??= new Stack<Receive>()).Push(receive);
    }

    public void UnbecomeStacked()
    {
        if (_behaviorStack is { Count: > 0 } s) s.Pop();
    }

    public void Unbecome() => UnbecomeStacked();

    /// <summary>Delivers one user message to the actor's current behaviour.</summary>
    private void Invoke(object message, IActorRef? sender)
    {
        _currentMessage = message;
        _currentSender = sender;
        try
        {
            var deliver = AutoReceive(message);
            if (deliver is not null)
            {
                _currentMessage = deliver;
                // Restarted before the handler, so anything the handler triggers happens after the new deadline was set.
                if (_receiveTimeout is not null && deliver is not INotInfluenceReceiveTimeout) RescheduleReceiveTimeout();
                var actor = _actor!;
                var handled = _behaviorStack is { Count: > 0 } stack ? stack.Peek()(deliver) : actor.Receive(deliver);
                if (!handled) actor.InvokeUnhandled(deliver);
            }
            _messagesProcessed++;
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            if (_awaitingTask is null)
            {
                _currentMessage = null;
                _currentSender = null;
            }
        }
    }

    /// <summary>
    /// Handles the messages the kernel interprets itself. Returns the message the behaviour should
    /// see (the same one for ordinary messages), or null when the kernel consumed it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private object? AutoReceive(object message)
    {
        switch (message)
        {
            case PoisonPill:
                Stop(this);
                return null;
            case Kill:
                throw new ActorKilledException("Kill");
            case Terminated t:
                return ReceivedTerminated(t) ? t : null;
            case TimerMessage tm:
                return _timers is not null && _timers.Accept(tm) ? tm.Message : null;
            case ReceiveTimeoutTick rt:
                return AcceptReceiveTimeout(rt) ? ReceiveTimeout.Instance : null;
            default:
                return message;
        }
    }

    internal void PublishUnhandled(object message)
    {
        var sender = _currentSender;
        KernelLog.Unhandled(_system.Log, message.GetType().Name, _path, sender?.Path);
        _system.EventStream.Publish(new UnhandledMessage(message, sender, this));
    }

    private ActorBase NewActor()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            var actor = _props.NewActor();
            if (actor is IWithUnboundedStash withStash) withStash.Stash = new StashImpl(this);
            if (actor is IWithTimers withTimers) withTimers.Timers = _timers ??= new TimerScheduler(this);
            return actor;
        }
        finally
        {
            t_current = previous;
        }
    }
}
