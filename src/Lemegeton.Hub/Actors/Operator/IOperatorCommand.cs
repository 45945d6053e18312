namespace Lemegeton.Hub.Actors.Operator;

/// <summary>
/// An operator's action on the running hub (from the admin API, the CLI or the dashboard through the
/// gateway). Sent to the coordinator; answered with an <see cref="OperatorResult"/> once the action's
/// event is durable (or refused with the reason). <see cref="By"/> names who asked, for the journal.
/// </summary>
public interface IOperatorCommand
{
    string By { get; }
}
