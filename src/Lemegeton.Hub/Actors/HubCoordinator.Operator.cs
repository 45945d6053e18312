using Akka.Actor;
using Akka.Event;
using Akka.Pattern;
using Akka.Persistence;
using Lemegeton.Core.Scheduling;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Actors.Operator;
using Lemegeton.Hub.Events;
using Lemegeton.Protocol;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol.Errors;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Serialization;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Validation;
using Lemegeton.Protocol.Work;
using Lemegeton.Storage.Git;
using Microsoft.Extensions.Logging.Abstractions;
using WireWork = Lemegeton.Protocol.Work.WorkKind;

namespace Lemegeton.Hub.Actors;

/// <summary>The coordinator's operator commands (admin API, gateway): pause/resume, requeue, force release, transition, kick, and why a PR waits.</summary>
public sealed partial class HubCoordinator
{
    private void RegisterOperatorCommands()
    {
        Command<IOperatorCommand>(OnOperatorCommand);
        Command<ExplainPr>(q => Sender.Tell(CoordinatorExplanations.Explain(new PrScheduler(_index, _settings.Scheduler), _state, q.PrId)));
    }

    /// <summary>An operator's command: decided by <see cref="OperatorCommandHandler"/>, answered only once its events are durable.</summary>
    private void OnOperatorCommand(IOperatorCommand command)
    {
        var plan = OperatorCommandHandler.Plan(command, _state, StateContext());
        var asker = Sender;
        PersistEvents(plan.Events);
        DeferAsync(plan, p => { foreach (var m in p.Messages) _registry.Tell(m); asker.Tell(p.Result); RequestSchedule(); });
    }
}
