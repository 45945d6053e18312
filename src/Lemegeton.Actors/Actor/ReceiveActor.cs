namespace Lemegeton.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or in a
/// <see cref="Become(Action)"/> block), tried in registration order. Like Akka.NET's ReceiveActor.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private HandlerSet _initial = new();
    private HandlerSet? _building;

    /// <summary>Starts collecting the handlers registered by the derived constructor.</summary>
    protected ReceiveActor() => _building = _initial;

    /// <summary>Handles <typeparamref name="T"/> messages that satisfy the optional predicate.</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null) =>
        Add(new ActionHandler<T>(handler ?? throw new ArgumentNullException(nameof(handler)), shouldHandle));

    /// <summary>Handles <typeparamref name="T"/> messages that satisfy the predicate.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Receive(handler, shouldHandle);

    /// <summary>Handles <typeparamref name="T"/> messages; the handler returns false to pass the message on.</summary>
    protected void Receive<T>(Func<T, bool> handler) =>
        Add(new FuncHandler<T>(handler ?? throw new ArgumentNullException(nameof(handler))));

    /// <summary>
    /// Handles <typeparamref name="T"/> messages asynchronously. The mailbox processes no other user
    /// message until the task completes; code after an <c>await</c> runs inside the actor, with
    /// <c>Sender</c> and <c>Context</c> still valid. A faulted task fails the actor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Add(new AsyncHandler<T>(handler ?? throw new ArgumentNullException(nameof(handler)), shouldHandle));

    /// <summary>Handles any message not taken by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Receive(handler);

    /// <summary>Handles any message not taken by an earlier handler, asynchronously.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => ReceiveAsync(handler);

    /// <summary>Replaces the behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure).Invoke);

    /// <summary>Pushes the handlers <paramref name="configure"/> registers; <see cref="UnbecomeStacked"/> pops them.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure).Invoke);

    /// <summary>Returns to the behaviour before the last <see cref="BecomeStacked"/>.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        _building = null;
        return _initial.Invoke(message);
    }

    private HandlerSet Build(Action configure)
    {
        var set = new HandlerSet();
        var previous = _building;
        _building = set;
        try { configure(); }
        finally { _building = previous; }
        return set;
    }

    private void Add(Handler handler)
    {
        if (_building is null)
            throw new InvalidOperationException("Receive handlers can only be registered in the constructor or inside a Become block");
        _building.Add(handler);
    }

    private sealed class HandlerSet
    {
        private Handler[] _handlers = [];

        public void Add(Handler h)
        {
            Array.Resize(ref _handlers, _handlers.Length + 1);
            _handlers[^1] = h;
        }

        public bool Invoke(object message)
        {
            foreach (var h in _handlers)
                if (h.TryHandle(message)) return true;
            return false;
        }
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class ActionHandler<T>(Action<T> action, Predicate<T>? predicate) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is not T t || (predicate is not null && !predicate(t))) return false;
            action(t);
            return true;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> func) : Handler
    {
        public override bool TryHandle(object message) => message is T t && func(t);
    }

    private sealed class AsyncHandler<T>(Func<T, Task> func, Predicate<T>? predicate) : Handler
    {
        public override bool TryHandle(object message)
        {
            if (message is not T t || (predicate is not null && !predicate(t))) return false;
            ActorCell.Current!.RunAsyncHandler(func, t);
            return true;
        }
    }
}
