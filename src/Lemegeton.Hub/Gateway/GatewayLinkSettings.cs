using Akka.Actor;

namespace Lemegeton.Hub.Gateway;

/// <summary>What the gateway link needs: where the gateway listens, where to keep its seq high-water mark, the coordinator, and the options.</summary>
/// <param name="SocketPath">The gateway's IPC socket (absolute; <c>lemegeton.gateway.socket</c> resolved against the repository).</param>
/// <param name="StateDirectory">Where <c>gateway-link</c> (hubId and seq ceiling) is kept: <c>.lemegeton/state</c>.</param>
/// <param name="Options">The <c>lemegeton.gateway.link</c> settings.</param>
/// <param name="Coordinator">The coordinator (or its singleton proxy): asked for snapshots, sent operator commands. Null: neither.</param>
public sealed record GatewayLinkSettings(string SocketPath, string StateDirectory, GatewayLinkOptions Options, IActorRef? Coordinator = null)
{
    /// <summary>The settings for a repository: socket relative to its root, state under <c>.lemegeton/state</c>.</summary>
    public static GatewayLinkSettings For(string repositoryRoot, string socket, GatewayLinkOptions options, IActorRef? coordinator = null) =>
        new(Path.GetFullPath(Path.Combine(repositoryRoot, socket)), Path.Combine(repositoryRoot, ".lemegeton", "state"), options, coordinator);

    /// <summary>The task list, read (leniently, off the actor thread) before each snapshot for PR titles, dependencies and files; null: ids and states only.</summary>
    public string? TaskListPath { get; init; }

    /// <summary>The pid announced in hello (tests set another).</summary>
    public int Pid { get; init; } = Environment.ProcessId;

    /// <summary>The source of time for timestamps; tests may fake it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
