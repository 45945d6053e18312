using Lemegeton.Protocol.Serialization;

namespace Lemegeton.Hub.Actors.Operator;

/// <summary>
/// What the coordinator does for one <see cref="IOperatorCommand"/>: persist <see cref="Events"/>, then
/// (from the persist handler) send <see cref="Messages"/> to the agent registry and answer <see cref="Result"/>.
/// A refused command has no events.
/// </summary>
public sealed record OperatorPlan(IReadOnlyList<IPersistedEvent> Events, OperatorResult Result, IReadOnlyList<object> Messages)
{
    public static OperatorPlan Refuse(string message, bool notFound = false) => new([], new OperatorResult(false, message, notFound), []);

    public static OperatorPlan Done(string message, params IPersistedEvent[] events) => new(events, new OperatorResult(true, message), []);
}
