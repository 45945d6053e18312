using System.CommandLine;
using System.Text.Json.Nodes;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton leases release FILE… --force | release --agent ID --force [--json]</c>.</summary>
public sealed class LeasesReleaseCommand : Command
{
    public LeasesReleaseCommand(CliEnvironment environment)
        : base("release", "Release leases whoever holds them: the files named, or every lease of --agent. The agent is not asked, so --force is required. "
            + "Exit 4 when a file is not leased or the agent is unknown.\nExample: lemegeton leases release src/Api/Users.cs --force")
    {
        var files = new Argument<string[]>("FILE") { Description = "Leased paths to release.", Arity = ArgumentArity.ZeroOrMore };
        var agent = new Option<string?>("--agent") { Description = "Release every lease of this agent instead.", HelpName = "id" };
        var force = new Option<bool>("--force") { Description = "Required: the holder is not asked." };
        var json = TaskListOptions.JsonOption();
        Add(files);
        Add(agent);
        Add(force);
        Add(json);
        Validators.Add(r =>
        {
            var named = r.GetValue(files) ?? [];
            if ((named.Length == 0) == (r.GetValue(agent) is null)) r.AddError("name the leased files, or --agent ID (not both)");
            else if (!r.GetValue(force)) r.AddError("releasing leases of a working agent is forceful: add --force");
        });
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var body = new JsonObject { ["force"] = true };
            if (result.GetValue(agent) is { } a) body["agent"] = a;
            else body["files"] = new JsonArray([.. (result.GetValue(files) ?? []).Select(f => (JsonNode?)JsonValue.Create(f))]);
            return call.WriteResult(await call.PostAsync("v1/leases/release", body).ConfigureAwait(false));
        }));
    }
}
