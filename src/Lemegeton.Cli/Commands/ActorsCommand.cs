using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton actors [PATH] [--json]</c>: the hub's actor tree.</summary>
public sealed class ActorsCommand : Command
{
    public ActorsCommand(CliEnvironment environment)
        : base("actors", "The hub's actor tree (like Petabridge.Cmd's 'actor hierarchy'): class, mailbox depth, restarts, FSM state. Exit 4 for an unknown PATH.\nExample: lemegeton actors /user/coordinator")
    {
        var path = new Argument<string?>("PATH") { Description = "Where to start (default /user).", Arity = ArgumentArity.ZeroOrOne };
        var json = TaskListOptions.JsonOption();
        Add(path);
        Add(json);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var query = result.GetValue(path) is { } p ? "?path=" + Uri.EscapeDataString(p) : "";
            var root = await call.GetAsync("v1/actors" + query).ConfigureAwait(false);
            if (call.Json) { call.WriteJson(root); return 0; }
            var tree = new Tree(Label(root));
            AddChildren(tree.AddNode, root);
            call.Console.Write(tree);
            return 0;
        }));
    }

    private static void AddChildren(Func<string, TreeNode> add, JsonElement node)
    {
        foreach (var child in node.GetProperty("children").EnumerateArray())
        {
            var n = add(Label(child));
            AddChildren(n.AddNode, child);
        }
    }

    private static string Label(JsonElement e)
    {
        var details = new List<string>();
        if (HubCall.Str(e, "type") is { } t) details.Add(t);
        details.Add("mailbox " + (HubCall.Str(e, "mailboxDepth") ?? "n/a"));
        if (HubCall.Str(e, "restarts") is { } r) details.Add("restarts " + r);
        if (HubCall.Str(e, "fsmState") is { } f) details.Add("state " + f);
        return $"{TerminalText.Markup(HubCall.Str(e, "name"))} [grey]({TerminalText.Markup(string.Join(", ", details))})[/]";
    }
}
