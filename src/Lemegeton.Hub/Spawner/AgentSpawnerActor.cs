using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Spawner;

/// <summary>
/// The hub's <c>/user/spawner</c>: starts one <see cref="AgentProcessActor"/> per local agent and, on
/// <see cref="StopAgents"/>, stops them all and answers <see cref="AgentsStopped"/> once every process is gone.
/// A child that throws is restarted (its process group killed first, by its PostStop) at most 3 times a minute, then stopped.
/// </summary>
public sealed class AgentSpawnerActor : ReceiveActor
{
    private readonly SpawnerSettings _settings;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly Dictionary<IActorRef, string> _children = [];
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _stopRequesters = [];
    private bool _stopping;

    public AgentSpawnerActor(SpawnerSettings settings, ILoggerFactory loggers)
    {
        _settings = settings;
        _loggers = loggers;
        _logger = loggers.CreateLogger<AgentSpawnerActor>();

        Receive<StopAgents>(_ => OnStop());
        Receive<AgentProcessStopped>(stopped => OnStopped(stopped.AgentId));
        Receive<Terminated>(t =>
        {
            if (_children.Remove(t.ActorRef, out var id)) OnStopped(id);
        });
    }

    public static Props Props(SpawnerSettings settings, ILoggerFactory loggers) =>
        Akka.Actor.Props.Create(() => new AgentSpawnerActor(settings, loggers));

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(3, TimeSpan.FromMinutes(1), e =>
    {
        var id = _children.TryGetValue(Sender, out var name) ? name : Sender.Path.Name;
        SpawnerLog.ChildFailed(_logger, e, id);
        return Directive.Restart;
    });

    protected override void PreStart()
    {
        var hubAddress = _settings.HubAddress ?? HubAddressOf(Context.System);
        if (!AgentProcessGroup.Supported) SpawnerLog.NoProcessGroups(_logger);
        SpawnerLog.Starting(_logger, _settings.Agents.Count, hubAddress, string.Join(", ", _settings.Agents.Select(a => a.Id)));
        foreach (var agent in _settings.Agents)
        {
            var child = Context.ActorOf(AgentProcessActor.Props(agent, _settings, hubAddress, _loggers), Uri.EscapeDataString(agent.Id));
            Context.Watch(child);
            _children[child] = agent.Id;
            _running.Add(agent.Id);
        }
    }

    /// <summary>The <c>HOST:PORT</c> agents reach this actor system at (its remoting address).</summary>
    public static string HubAddressOf(ActorSystem system)
    {
        var address = ((ExtendedActorSystem)system).Provider.DefaultAddress;
        return address.Host is { } host && address.Port is { } port ? $"{host}:{port}" : address.ToString();
    }

    private void OnStop()
    {
        _stopRequesters.Add(Sender);
        if (!_stopping)
        {
            _stopping = true;
            foreach (var child in _children.Keys) child.Tell(StopAgentProcess.Instance);
        }
        AnswerWhenDone();
    }

    private void OnStopped(string agentId)
    {
        _running.Remove(agentId);
        if (_stopping) AnswerWhenDone();
    }

    private void AnswerWhenDone()
    {
        if (_running.Count > 0) return;
        SpawnerLog.AllStopped(_logger, _settings.Agents.Count);
        var answer = new AgentsStopped([.. _settings.Agents.Select(a => a.Id)]);
        foreach (var requester in _stopRequesters) requester.Tell(answer);
        _stopRequesters.Clear();
    }
}
