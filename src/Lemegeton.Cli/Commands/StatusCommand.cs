using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lemegeton.Gateway;
using Lemegeton.Gateway.Daemon;
using Lemegeton.Hub.Admin;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton status [--watch] [--json]</c>: mode, agents, PR counts by state, leases, uptime, paused, and whether the gateway runs (its dashboard URL).</summary>
public sealed class StatusCommand : Command
{
    public StatusCommand(CliEnvironment environment)
        : base("status", "Show the hub's mode, agents, PRs by state, leases, uptime, whether scheduling is paused, and the gateway's dashboard URL.\nExample: lemegeton status --watch")
    {
        var json = TaskListOptions.JsonOption();
        var watch = new Option<bool>("--watch", "-w") { Description = "Refresh every --interval seconds until Ctrl-C (a live view)." };
        var interval = new Option<double>("--interval") { Description = "Seconds between refreshes with --watch.", DefaultValueFactory = _ => 2 };
        var limit = new Option<int>("--watch-limit") { Description = "Stop after this many refreshes (0: never).", Hidden = true };
        Add(json);
        Add(watch);
        Add(interval);
        Add(limit);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var gateway = GatewayCommandSettings.Load(result, environment)?.Paths;
            if (!result.GetValue(watch)) return await Once(call, gateway).ConfigureAwait(false);
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += cancel;
            try
            {
                var delay = TimeSpan.FromSeconds(Math.Max(0.05, result.GetValue(interval)));
                for (var i = 1; ; i++)
                {
                    if (!call.Json && ReferenceEquals(call.Output, Console.Out) && !Console.IsOutputRedirected) Console.Clear();
                    var code = await Once(call, gateway).ConfigureAwait(false);
                    if (code != 0) return code;
                    if (result.GetValue(limit) is > 0 and var max && i >= max) return 0;
                    try { await Task.Delay(delay, stop.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) { return 0; }
                }
            }
            finally
            {
                Console.CancelKeyPress -= cancel;
            }
        }));
    }

    private static async Task<int> Once(HubCall call, GatewayPaths? gatewayPaths)
    {
        var gateway = gatewayPaths is null ? null : await GatewayControl.TryStatusAsync(gatewayPaths).ConfigureAwait(false);
        JsonElement status;
        try
        {
            status = await call.GetAsync("v1/status").ConfigureAwait(false);
        }
        catch (HubNotRunningException) when (gateway is not null && !call.Json)
        {
            // The gateway outlives the hub: say where its dashboard is before the hub's "not running".
            call.Error.WriteLine($"dashboard: {gateway.Url} (gateway pid {gateway.Pid}; it shows the hub as away)");
            throw;
        }
        JsonElement? coordinator = null;
        try { coordinator = await call.GetAsync("v1/coordinator").ConfigureAwait(false); }
        catch (HubCallFailedException e) when (e.ExitCode is CliExitCodes.NotFound or CliExitCodes.Failure) { }

        if (call.Json)
        {
            var node = JsonNode.Parse(status.GetRawText())!.AsObject();
            node["coordinator"] = coordinator is { } c ? JsonNode.Parse(c.GetRawText()) : null;
            node["gateway"] = gateway is null ? null : new JsonObject
            {
                ["pid"] = gateway.Pid, ["url"] = gateway.Url, ["hubConnected"] = gateway.HubConnected, ["browsers"] = gateway.Browsers,
            };
            call.Output.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return 0;
        }

        var o = call.Output;
        var uptime = TimeSpan.FromSeconds(Math.Floor(status.GetProperty("uptimeSeconds").GetDouble()));
        o.WriteLine($"hub {HubCall.Str(status, "state")}: pid {HubCall.Str(status, "pid")}, version {TerminalText.Escape(HubCall.Str(status, "version"))}, up {uptime.ToString("c", CultureInfo.InvariantCulture)}");
        o.WriteLine($"  repository: {TerminalText.Escape(HubCall.Str(status, "repository"))}");
        o.WriteLine(gateway is null
            ? "  dashboard:  the gateway is not running (start it with 'lemegeton gateway start')"
            : $"  dashboard:  {gateway.Url} (gateway pid {gateway.Pid}, {gateway.Browsers} browser(s))");
        if (coordinator is not { } s)
        {
            o.WriteLine("  coordinator: not available (the hub's actor system is not running)");
            return 0;
        }
        o.WriteLine($"  mode:       {HubCall.Str(s, "mode")}{(s.GetProperty("paused").GetBoolean() ? " (scheduling PAUSED: resume with 'lemegeton scheduling resume')" : "")}");
        o.WriteLine($"  agents:     {HubCall.Str(s, "agents")} ({HubCall.Str(s, "workingAgents")} working)");
        o.WriteLine($"  PRs:        {HubCall.Str(s, "prsInFlight")} in flight; leases: {HubCall.Str(s, "leases")}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("State").AddColumn(new TableColumn("PRs").RightAligned());
        foreach (var p in s.GetProperty("prsByState").EnumerateObject()) table.AddRow(TerminalText.Markup(p.Name), p.Value.ToString());
        call.Console.Write(table);
        return 0;
    }
}
