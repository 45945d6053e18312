namespace Lemegeton.Actors;

/// <summary>
/// A finite-state machine actor with Akka.NET's FSM vocabulary: <see cref="StartWith"/>,
/// <see cref="When"/> (with an optional state timeout), <see cref="GoTo"/>/<see cref="Stay"/> +
/// <c>Using</c>/<c>ForMax</c>/<c>Replying</c>, <see cref="OnTransition"/>, <see cref="WhenUnhandled"/>,
/// named timers and <see cref="Initialize"/>. Keep all mutable state in <typeparamref name="TData"/>
/// and change it only with <c>Using</c>. Any received message cancels the pending state timeout.
/// </summary>
public abstract class FSM<TState, TData> : FSMBase, IWithTimers, IStateIntrospection where TState : notnull
{
    /// <summary>A state's handler: returns the next state, or null when it does not handle the event.</summary>
    public delegate State<TState, TData>? StateFunction(Event<TData> fsmEvent);

    /// <summary>Called on every transition (also <c>GoTo</c> the same state, not on <c>Stay</c>).</summary>
    public delegate void TransitionHandler(TState initialState, TState nextState);

    private static readonly object StateTimeoutKey = new();
    private readonly Dictionary<TState, StateFunction> _stateFunctions = [];
    private readonly Dictionary<TState, TimeSpan?> _stateTimeouts = [];
    private readonly List<TransitionHandler> _transitionHandlers = [];
    private readonly List<Action<StopEvent<TState, TData>>> _terminationHandlers = [];
    private StateFunction? _whenUnhandled;
    private State<TState, TData>? _currentState;
    private State<TState, TData>? _nextState;
    private volatile string? _stateDescription;
    private bool _stopped;

    /// <summary>Set by the kernel; also used for <see cref="SetTimer"/>.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The current state's name.</summary>
    protected TState StateName => (_currentState ?? throw new InvalidOperationException("StartWith has not been called")).StateName;

    /// <summary>The current state's data.</summary>
    protected TData StateData => (_currentState ?? throw new InvalidOperationException("StartWith has not been called")).StateData;

    /// <summary>The data of the state being entered; only valid inside a transition handler.</summary>
    protected TData NextStateData => (_nextState ?? throw new InvalidOperationException("NextStateData is only available during OnTransition")).StateData;

    string? IStateIntrospection.StateDescription => _stateDescription;

    /// <summary>Sets the initial state; call <see cref="Initialize"/> after all <c>When</c> blocks.</summary>
    protected void StartWith(TState stateName, TData stateData, TimeSpan? timeout = null) =>
        _currentState = new State<TState, TData>(stateName, stateData, timeout, null, [], notifies: false);

    /// <summary>Registers the handler of a state; a second registration for the same state is tried after the first.</summary>
    protected void When(TState stateName, StateFunction func, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(func);
        if (_stateFunctions.TryGetValue(stateName, out var existing))
        {
            _stateFunctions[stateName] = e => existing(e) ?? func(e);
            if (timeout is not null) _stateTimeouts[stateName] = timeout;
        }
        else
        {
            _stateFunctions[stateName] = func;
            _stateTimeouts[stateName] = timeout;
        }
    }

    /// <summary>Handles events no state handled (replaces the previous registration). Default: log a warning and stay.</summary>
    protected void WhenUnhandled(StateFunction func) => _whenUnhandled = func;

    /// <summary>Adds a transition handler; all registered handlers run, in order.</summary>
    protected void OnTransition(TransitionHandler handler) => _transitionHandlers.Add(handler);

    /// <summary>Adds a handler run when the FSM stops.</summary>
    protected void OnTermination(Action<StopEvent<TState, TData>> handler) => _terminationHandlers.Add(handler);

    /// <summary>Enters the initial state and starts its timeout.</summary>
    protected void Initialize()
    {
        var initial = _currentState ?? throw new InvalidOperationException("Call StartWith before Initialize");
        MakeTransition(initial);
    }

    /// <summary>The next state is <paramref name="nextStateName"/> (transition handlers run).</summary>
    public State<TState, TData> GoTo(TState nextStateName) =>
        new(nextStateName, StateData, null, null, [], notifies: true);

    /// <summary>Stay in the current state (no transition; the state's timeout restarts).</summary>
    public State<TState, TData> Stay() => new(StateName, StateData, null, null, [], notifies: false);

    /// <summary>Stop normally.</summary>
    public State<TState, TData> Stop() => Stop(Normal.Instance);

    /// <summary>Stop with a reason.</summary>
    public State<TState, TData> Stop(Reason reason) => Stay().WithStopReason(reason);

    /// <summary>Starts a named timer that sends <paramref name="msg"/> to self; cancelling it suppresses a queued tick.</summary>
    protected void SetTimer(string name, object msg, TimeSpan timeout, bool repeat = false)
    {
        if (repeat) Timers.StartPeriodicTimer(name, msg, timeout);
        else Timers.StartSingleTimer(name, msg, timeout);
    }

    /// <summary>Cancels a named timer.</summary>
    protected void CancelTimer(string name) => Timers.Cancel(name);

    /// <summary>Whether a named timer is active.</summary>
    protected bool IsTimerActive(string name) => Timers.IsTimerActive(name);

    /// <inheritdoc />
    protected internal sealed override bool Receive(object message)
    {
        var current = _currentState ?? throw new InvalidOperationException($"{GetType().Name} received a message before StartWith/Initialize");
        if (message is not StateTimeout) Timers.Cancel(StateTimeoutKey);
        var evt = new Event<TData>(message, current.StateData);
        var next = (_stateFunctions.TryGetValue(current.StateName, out var func) ? func(evt) : null)
            ?? _whenUnhandled?.Invoke(evt)
            ?? DefaultUnhandled(evt);
        ApplyState(next);
        return true;
    }

    private State<TState, TData> DefaultUnhandled(Event<TData> evt)
    {
        KernelLog.FsmUnhandled(Context.System.Log, Self.Path, StateName.ToString() ?? "", evt.FsmEvent.GetType().Name);
        return Stay();
    }

    private void ApplyState(State<TState, TData> next)
    {
        if (next.StopReason is { } reason)
        {
            SendReplies(next);
            Terminate(next, reason);
            Context.Stop(Self);
            return;
        }
        MakeTransition(next);
        // Replies go out after the state (and its timeout) is in place, so a reply observes the new state.
        SendReplies(next);
    }

    private void SendReplies(State<TState, TData> next)
    {
        foreach (var reply in next.Replies) Sender.Tell(reply, Self);
    }

    private void MakeTransition(State<TState, TData> next)
    {
        if (!_stateFunctions.ContainsKey(next.StateName))
        {
            Terminate(Stay().WithStopReason(new Failure($"Next state {next.StateName} does not exist")), new Failure($"Next state {next.StateName} does not exist"));
            Context.Stop(Self);
            return;
        }
        var current = _currentState!;
        if (next.Notifies || !EqualityComparer<TState>.Default.Equals(current.StateName, next.StateName))
        {
            _nextState = next;
            try
            {
                foreach (var handler in _transitionHandlers) handler(current.StateName, next.StateName);
            }
            finally
            {
                _nextState = null;
            }
        }
        _currentState = next;
        _stateDescription = next.StateName.ToString();
        var timeout = next.Timeout ?? _stateTimeouts.GetValueOrDefault(next.StateName);
        if (timeout is { } t && t != System.Threading.Timeout.InfiniteTimeSpan) Timers.StartSingleTimer(StateTimeoutKey, StateTimeout.Instance, t);
    }

    private void Terminate(State<TState, TData> final, Reason reason)
    {
        if (_stopped) return;
        _stopped = true;
        var stop = new StopEvent<TState, TData>(reason, _currentState!.StateName, final.StateData);
        foreach (var handler in _terminationHandlers) handler(stop);
    }

    /// <summary>Runs the termination handlers with <see cref="FSMBase.Shutdown"/> if the FSM was stopped from outside.</summary>
    protected override void PostStop()
    {
        if (_currentState is not null) Terminate(_currentState, Shutdown.Instance);
        base.PostStop();
    }
}
