using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton agents show ID [--json]</c>.</summary>
public sealed class AgentsShowCommand : Command
{
    public AgentsShowCommand(CliEnvironment environment)
        : base("show", "Show one agent: session, type, capacity, PRs and leased files. Exit 4 when no such agent is registered.\nExample: lemegeton agents show worker-1")
    {
        var id = new Argument<string>("ID") { Description = "The agent id (or its session id)." };
        var json = TaskListOptions.JsonOption();
        Add(id);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var a = await call.GetAsync("v1/agents/" + Uri.EscapeDataString(result.GetValue(id)!)).ConfigureAwait(false);
            if (call.Json) { call.WriteJson(a); return 0; }
            var o = call.Output;
            o.WriteLine($"agent {TerminalText.Escape(HubCall.Str(a, "agentId"))} ({TerminalText.Escape(HubCall.Str(a, "sessionId"))})");
            o.WriteLine($"  type:     {TerminalText.Escape(HubCall.Str(a, "agentType"))}");
            o.WriteLine($"  capacity: {HubCall.Str(a, "capacity")}");
            o.WriteLine($"  PRs:      {Plain(a, "prs")}");
            o.WriteLine($"  leases:   {Plain(a, "leases")}");
            return 0;
        }));
    }

    internal static string Plain(System.Text.Json.JsonElement e, string name) =>
        e.GetProperty(name).GetArrayLength() == 0 ? "-" : TerminalText.Escape(string.Join(", ", e.GetProperty(name).EnumerateArray().Select(x => x.GetString())));
}
