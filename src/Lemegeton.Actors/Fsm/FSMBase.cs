namespace Lemegeton.Actors;

/// <summary>Non-generic part of <see cref="FSM{TState, TData}"/>: the messages and stop reasons it uses.</summary>
public abstract class FSMBase : ActorBase
{
    /// <summary>Delivered as the event when a state's timeout expires with no message received meanwhile.</summary>
    public sealed class StateTimeout
    {
        /// <summary>The single instance.</summary>
        public static readonly StateTimeout Instance = new();
        private StateTimeout() { }
        /// <inheritdoc />
        public override string ToString() => "<StateTimeout>";
    }

    /// <summary>Why an FSM stopped.</summary>
    public abstract class Reason;

    /// <summary>Stopped by its own <c>Stop()</c>.</summary>
    public sealed class Normal : Reason
    {
        /// <summary>The single instance.</summary>
        public static readonly Normal Instance = new();
        private Normal() { }
    }

    /// <summary>Stopped from outside (by its parent, a PoisonPill or system shutdown).</summary>
    public sealed class Shutdown : Reason
    {
        /// <summary>The single instance.</summary>
        public static readonly Shutdown Instance = new();
        private Shutdown() { }
    }

    /// <summary>Stopped because of an error.</summary>
    /// <param name="cause">What went wrong.</param>
    public sealed class Failure(object cause) : Reason
    {
        /// <summary>What went wrong.</summary>
        public object Cause { get; } = cause;
        /// <inheritdoc />
        public override string ToString() => $"Failure({Cause})";
    }
}

/// <summary>The event an FSM state function receives: the message and the current state data.</summary>
/// <param name="FsmEvent">The message (or <see cref="FSMBase.StateTimeout"/>).</param>
/// <param name="StateData">The data of the current state.</param>
public sealed record Event<TData>(object FsmEvent, TData StateData);

/// <summary>Passed to <c>OnTermination</c> handlers.</summary>
/// <param name="Reason">Why the FSM stopped.</param>
/// <param name="TerminatedState">The state it was in.</param>
/// <param name="StateData">The data it had.</param>
public sealed record StopEvent<TState, TData>(FSMBase.Reason Reason, TState TerminatedState, TData StateData);

/// <summary>
/// The next state an FSM handler returns, built with <c>GoTo</c>/<c>Stay</c> and refined with
/// <see cref="Using"/>, <see cref="ForMax"/> and <see cref="Replying"/>. Immutable.
/// </summary>
public sealed class State<TState, TData>
{
    internal State(TState stateName, TData stateData, TimeSpan? timeout, FSMBase.Reason? stopReason, IReadOnlyList<object> replies, bool notifies)
    {
        StateName = stateName;
        StateData = stateData;
        Timeout = timeout;
        StopReason = stopReason;
        Replies = replies;
        Notifies = notifies;
    }

    /// <summary>The state's name.</summary>
    public TState StateName { get; }

    /// <summary>The state's data.</summary>
    public TData StateData { get; }

    /// <summary>A timeout for this stay in the state, overriding the one given to <c>When</c>.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>Set when the handler asked to stop.</summary>
    public FSMBase.Reason? StopReason { get; }

    /// <summary>Messages sent to the sender of the current event when the state is applied.</summary>
    public IReadOnlyList<object> Replies { get; }

    internal bool Notifies { get; }

    /// <summary>The same state with new data.</summary>
    public State<TState, TData> Using(TData nextStateData) => new(StateName, nextStateData, Timeout, StopReason, Replies, Notifies);

    /// <summary>The same state with a state timeout for this stay.</summary>
    public State<TState, TData> ForMax(TimeSpan timeout) => new(StateName, StateData, timeout, StopReason, Replies, Notifies);

    /// <summary>The same state, also replying <paramref name="replyValue"/> to the current sender.</summary>
    public State<TState, TData> Replying(object replyValue) => new(StateName, StateData, Timeout, StopReason, [.. Replies, replyValue], Notifies);

    internal State<TState, TData> WithStopReason(FSMBase.Reason reason) => new(StateName, StateData, Timeout, reason, Replies, Notifies);
}
