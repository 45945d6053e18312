using Akka.Actor;
using Lemegeton.Agent.Workspace;
using Lemegeton.Protocol.Coordination;
using Lemegeton.Protocol;

namespace Lemegeton.Agent;

/// <summary>
/// What one agent keeps across actor systems (a hub restart replaces the actor system, not the agent):
/// its workspace, the job in progress, reports not yet delivered, the last announced mode, and the
/// current actor (for the local socket). Mutated only by the agent's current actor; read by the socket.
/// </summary>
public sealed class AgentSlot
{
    private readonly TaskCompletionSource<string?> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IActorRef? _actor;

    public AgentSlot(string agentId, AgentWorkspace workspace, string agentDirectory, string socketPath)
    {
        AgentId = agentId;
        Workspace = workspace;
        AgentDirectory = agentDirectory;
        SocketPath = socketPath;
    }

    public string AgentId { get; }

    public AgentWorkspace Workspace { get; }

    /// <summary><c>.lemegeton/agents/{id}/</c>: logs and PR files.</summary>
    public string AgentDirectory { get; }

    public string SocketPath { get; }

    public AgentJob? Current { get; set; }

    /// <summary>Reports of work finished while no session was live; sent after the next Welcome.</summary>
    public Queue<IAgentMessage> Unreported { get; } = new();

    public CoordinationMode Mode { get; set; } = CoordinationMode.Distributed;

    /// <summary>The agent's actor in the current actor system, or null between systems.</summary>
    public IActorRef? Actor { get => _actor; set => _actor = value; }

    /// <summary>Completes when the agent stops for good: null after a clean stop, else why (e.g. unauthorized).</summary>
    public Task<string?> Stopped => _stopped.Task;

    public void MarkStopped(string? error) => _stopped.TrySetResult(error);
}
