using Akka.Configuration;
using Lemegeton.Agent.Execution;
using Lemegeton.Protocol.Security;

namespace Lemegeton.Agent;

/// <summary>What one <c>lemegeton agent</c> process is: its agents, its hub, its command.</summary>
public sealed record AgentOptions
{
    /// <summary>The agent's id; with <see cref="Count"/> &gt; 1 the ids are <c>{AgentId}-1</c> … <c>{AgentId}-N</c>.</summary>
    public required string AgentId { get; init; }

    /// <summary><c>planning</c>, <c>worker</c>, <c>qc</c> or <c>review</c>.</summary>
    public required string AgentType { get; init; }

    /// <summary><c>haiku</c>, <c>sonnet</c> or <c>opus</c>. Default <c>sonnet</c>.</summary>
    public string Model { get; init; } = "sonnet";

    /// <summary>Highest PR complexity taken, 1–10. Default 10.</summary>
    public int MaxComplexity { get; init; } = 10;

    /// <summary>The hub's Akka address, e.g. <c>akka.tcp://lemegeton@127.0.0.1:4053</c>.</summary>
    public required string HubAddress { get; init; }

    /// <summary>The git repository the commands work in.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The command run for each assignment.</summary>
    public required CommandTemplate Command { get; init; }

    /// <summary>How many agents this process hosts (one actor, one command at a time each). Default 1.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Each agent works in its own git worktree (<c>.lemegeton/worktrees/{id}</c>). Default off.</summary>
    public bool Worktree { get; init; }

    /// <summary>Interface remoting binds. Default loopback: only a hub on this machine can reach the agent.</summary>
    public string ListenHost { get; init; } = "127.0.0.1";

    /// <summary>Port remoting binds; 0 (default) picks a free one.</summary>
    public int ListenPort { get; init; }

    /// <summary>Address advertised to the hub when it differs from <see cref="ListenHost"/> (NAT, 0.0.0.0). Default: none.</summary>
    public string? PublicHostname { get; init; }

    /// <summary>A command running longer is stopped (its whole process group) and the PR failed. Default 30 minutes.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Time between SIGTERM and SIGKILL when a command is stopped. Default 5 s.</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The hub's cluster secret; null sends no proof (only a hub that checks no secret accepts that).</summary>
    public ClusterSecret? Secret { get; init; }

    /// <summary>The product's <c>akka</c> configuration (reference.conf and the project's file); the agent's own settings go on top.</summary>
    public Config? Akka { get; init; }

    /// <summary>An unanswered registration is sent again after this long. Default 5 s.</summary>
    public TimeSpan RegisterRetry { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A hub unreachable this long (or gone from the cluster) makes the agent start a new actor system and join again. Default 10 s.</summary>
    public TimeSpan HubLostAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause before a new actor system joins after the last one stopped. Default 1 s.</summary>
    public TimeSpan RejoinDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The ids of the agents this process hosts.</summary>
    public IReadOnlyList<string> AgentIds() =>
        Count <= 1 ? [AgentId] : [.. Enumerable.Range(1, Count).Select(n => $"{AgentId}-{n}")];

    /// <summary>Turns <c>HOST:PORT</c> (or a full <c>akka.tcp://…</c> address) into the hub's Akka address.</summary>
    /// <exception cref="FormatException">Neither form; the message shows both.</exception>
    public static string HubAddressFrom(string value, string systemName = "lemegeton")
    {
        ArgumentNullException.ThrowIfNull(value);
        value = value.Trim();
        if (value.StartsWith("akka.tcp://", StringComparison.Ordinal) || value.StartsWith("akka://", StringComparison.Ordinal)) return value;
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new FormatException($"--hub '{value}' is not HOST:PORT (e.g. 127.0.0.1:4053) or an Akka address (akka.tcp://{systemName}@127.0.0.1:4053).");
        return $"akka.tcp://{systemName}@{value[..colon]}:{port}";
    }
}
