using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Lemegeton.Agent;
using Lemegeton.Agent.Execution;
using Lemegeton.Hocon;
using Lemegeton.Protocol.Security;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// <c>lemegeton agent --exec "…" [--hub HOST:PORT] [--type worker] [--model sonnet] [--id worker-1] [--count N]
/// [--worktree] [--listen HOST[:PORT]]</c>: joins the hub's cluster and runs the command for each assignment (docs/agent.md).
/// </summary>
public sealed class AgentCommand : Command
{
    /// <summary>The file <c>hub start</c> writes with the hub's Akka address; the default for <c>--hub</c>.</summary>
    public const string HubAddressFile = "hub.address";

    public AgentCommand(CliEnvironment environment)
        : base("agent", "Run agents that join the hub's cluster and run a command for each PR they are given (see docs/agent.md). "
            + "Exit 0 after a clean stop (SIGTERM, Ctrl-C, or the hub's shutdown), 2 on bad options, 3 when the hub refuses the agents.\nExample: lemegeton agent --type worker --count 2 --exec \"claude -p \\\"$(cat $LEMEGETON_PR_FILE)\\\"\"")
    {
        var exec = new Option<string>("--exec") { Description = "The command run for each PR by /bin/sh, with {pr_id} {title} {pr_file} {files} {branch} {agent_id} {fencing_token} placeholders (shell-quoted) and LEMEGETON_* variables.", Required = true };
        var hub = new Option<string?>("--hub") { Description = "The hub's HOST:PORT (or akka.tcp:// address). Default: .lemegeton/hub.address, written by 'hub start', else akka.cluster.seed-nodes." };
        var type = new Option<string>("--type") { Description = "Agent type: planning, worker, qc or review.", DefaultValueFactory = _ => "worker" };
        var model = new Option<string>("--model") { Description = "Model tier: haiku, sonnet or opus.", DefaultValueFactory = _ => "sonnet" };
        var id = new Option<string?>("--id") { Description = "The agent's id (with --count N: ids ID-1 … ID-N). Default: TYPE-PID." };
        var count = new Option<int>("--count") { Description = "Agents hosted by this process, each running one PR at a time.", DefaultValueFactory = _ => 1 };
        var worktree = new Option<bool>("--worktree") { Description = "Each agent works in its own git worktree (.lemegeton/worktrees/ID), on a branch per PR." };
        var listen = new Option<string?>("--listen") { Description = "HOST[:PORT] remoting binds, for a hub on another host (default 127.0.0.1 on a free port: only a local hub can reach the agent)." };
        var publicHost = new Option<string?>("--public-hostname") { Description = "Address the hub should use to reach this agent, when it differs from --listen (NAT, 0.0.0.0)." };
        var timeout = new Option<string>("--timeout") { Description = "Per-PR time limit (e.g. 30m, 90s); the command's whole process tree is stopped after it.", DefaultValueFactory = _ => "30m" };
        var maxComplexity = new Option<int>("--max-complexity") { Description = "Highest PR complexity taken (1-10).", DefaultValueFactory = _ => 10 };
        var secret = new Option<string?>("--secret") { Description = "The hub's cluster secret file. Default: .lemegeton/cluster.secret of the repository." };
        foreach (var o in new Option[] { exec, hub, type, model, id, count, worktree, listen, publicHost, timeout, maxComplexity, secret }) Add(o);

        // A synchronous action: System.CommandLine then leaves SIGTERM/SIGINT to us (for an async action it would
        // end the process with 143 two seconds after the signal, before the agent has handed its work back).
        SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var product = GlobalOptions.LoadSettings(result, environment);
            if (product is null) return 2;
            var root = product.RepositoryRoot;
            AgentOptions options;
            try
            {
                var (listenHost, listenPort) = ParseListen(result.GetValue(listen));
                var akka = product.Akka.ToConfig();
                var secretPath = result.GetValue(secret) ?? ClusterSecret.PathIn(Path.Combine(root, ".lemegeton"));
                ClusterSecret? clusterSecret = null;
                if (File.Exists(secretPath) || result.GetValue(secret) is not null) clusterSecret = ClusterSecret.Load(secretPath);
                else error.WriteLine($"agent: no cluster secret at {secretPath}; registering without proof (a hub that checks secrets will refuse). Start the hub first, or copy its .lemegeton/{ClusterSecret.FileName} here.");
                var agentType = result.GetValue(type)!;
                options = new AgentOptions
                {
                    AgentId = result.GetValue(id) ?? $"{agentType}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}",
                    AgentType = agentType,
                    Model = result.GetValue(model)!,
                    MaxComplexity = result.GetValue(maxComplexity),
                    HubAddress = AgentOptions.HubAddressFrom(result.GetValue(hub) ?? DefaultHub(root, product.Akka)),
                    RepositoryRoot = root,
                    Command = CommandTemplate.Parse(result.GetValue(exec)!),
                    Count = result.GetValue(count),
                    Worktree = result.GetValue(worktree),
                    ListenHost = listenHost,
                    ListenPort = listenPort,
                    PublicHostname = result.GetValue(publicHost),
                    CommandTimeout = ParseDuration("--timeout", result.GetValue(timeout)!),
                    Secret = clusterSecret,
                    Akka = akka,
                };
                if (options.Count is < 1 or > 64) throw new FormatException($"--count is {options.Count}; give 1 to 64.");
                if (options.MaxComplexity is < 1 or > 10) throw new FormatException($"--max-complexity is {options.MaxComplexity}; give 1 to 10.");
            }
            catch (Exception e) when (e is FormatException or IOException or InvalidDataException)
            {
                error.WriteLine($"agent: {TerminalText.Escape(e.Message)}");
                return 2;
            }

            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }).SetMinimumLevel(LogLevel.Information));
            using var stop = new CancellationTokenSource();
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            using var intr = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            return RunAsync(options, loggers, stop.Token).GetAwaiter().GetResult();
        });
    }

    private static async Task<int> RunAsync(AgentOptions options, ILoggerFactory loggers, CancellationToken stop)
    {
        await using var runtime = await AgentRuntime.CreateAsync(options, loggers);
        return await runtime.RunAsync(stop);
    }

    private static string DefaultHub(string root, Hosting.Configuration.AkkaConfiguration akka)
    {
        var file = Path.Combine(root, ".lemegeton", HubAddressFile);
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: > 0 } written) return written;
        return akka.Find("akka.cluster.seed-nodes") switch
        {
            HoconArray { Items.Count: > 0 } seeds when seeds.Items[0] is HoconScalar s => s.Text,
            HoconScalar { IsNull: false } s => s.Text,
            _ => "127.0.0.1:4053",
        };
    }

    internal static (string Host, int Port) ParseListen(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return ("127.0.0.1", 0);
        var colon = value.LastIndexOf(':');
        if (colon > 0 && !value.EndsWith(']') && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            if (port > 65535) throw new FormatException($"--listen '{value}': port {port} is above 65535.");
            return (value[..colon].Trim('[', ']'), port);
        }
        return (value.Trim('[', ']'), 0);
    }

    internal static TimeSpan ParseDuration(string option, string value)
    {
        var v = value.Trim();
        var (number, unit) = v.EndsWith("ms", StringComparison.Ordinal) ? (v[..^2], 0.001)
            : v.EndsWith('s') ? (v[..^1], 1.0) : v.EndsWith('m') ? (v[..^1], 60.0) : v.EndsWith('h') ? (v[..^1], 3600.0) : (v, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new FormatException($"{option} '{value}' is not a duration such as 90s, 30m or 2h.");
        return TimeSpan.FromSeconds(n * unit);
    }
}
