using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton prs show PR [--json]</c>.</summary>
public sealed class PrsShowCommand : Command
{
    public PrsShowCommand(CliEnvironment environment)
        : base("show", "Show one PR: cold and hot state, agent, fencing token, leased files. Exit 4 for an unknown PR.\nExample: lemegeton prs show PR-004")
    {
        var id = new Argument<string>("PR") { Description = "The PR id." };
        var json = TaskListOptions.JsonOption();
        Add(id);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var p = await call.GetAsync("v1/prs/" + Uri.EscapeDataString(result.GetValue(id)!)).ConfigureAwait(false);
            if (call.Json) { call.WriteJson(p); return 0; }
            var o = call.Output;
            o.WriteLine($"{TerminalText.Escape(HubCall.Str(p, "id"))}: {HubCall.Str(p, "coldState")}{(HubCall.Str(p, "hotState") is { } hot ? $" / {hot}" : "")}");
            o.WriteLine($"  agent:  {TerminalText.Escape(HubCall.Str(p, "agentId") ?? "-")}{(HubCall.Str(p, "sessionId") is { } sid ? $" ({TerminalText.Escape(sid)})" : "")}");
            o.WriteLine($"  token:  {HubCall.Str(p, "fencingToken") ?? "-"}");
            o.WriteLine($"  leases: {AgentsShowCommand.Plain(p, "leases")}");
            return 0;
        }));
    }
}
