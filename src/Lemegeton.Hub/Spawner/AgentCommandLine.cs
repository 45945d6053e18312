using Lemegeton.Hub.Daemon;

namespace Lemegeton.Hub.Spawner;

/// <summary>A program and its arguments (passed as an argument vector, never through a shell).</summary>
public sealed record AgentCommandLine(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// The one place that decides how the hub runs a local agent:
    /// <c>&lt;this lemegeton&gt; agent --hub HOST:PORT --type T --id T-N --exec "&lt;template&gt;" [--timeout Nms]</c>.
    /// </summary>
    public static AgentCommandLine ForLemegeton(HubExecutable lemegeton, AgentLaunch launch) => new(
        lemegeton.FileName,
        [
            .. lemegeton.PrefixArguments,
            "agent",
            "--hub", launch.HubAddress,
            "--type", launch.Agent.Type,
            "--id", launch.Agent.Id,
            "--exec", launch.ExecTemplate,
            .. launch.CommandTimeout is { } timeout
                ? new[] { "--timeout", ((long)Math.Ceiling(timeout.TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms" }
                : [],
        ]);
}
