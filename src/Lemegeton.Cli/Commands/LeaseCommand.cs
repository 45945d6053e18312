using System.CommandLine;
using Lemegeton.Agent.LocalSocket;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// <c>lemegeton lease acquire FILE…</c> / <c>lemegeton lease release [FILE…]</c>, run from inside an
/// agent's command: leases files beyond the PR's estimate through the agent (LEMEGETON_AGENT_SOCKET).
/// Exit 0 granted/released, 1 refused (the holder is named), 3 no agent to ask.
/// </summary>
public sealed class LeaseCommand : Command
{
    public LeaseCommand()
        : base("lease", "Lease files for the current PR, from inside an agent's command (talks to the agent on LEMEGETON_AGENT_SOCKET).\nExample: lemegeton lease acquire src/extra.cs")
    {
        var acquireFiles = new Argument<string[]>("files") { Description = "Repository-relative paths (a trailing / leases a folder).", Arity = ArgumentArity.OneOrMore };
        var acquire = new Command("acquire", "Lease files, all or nothing. Exit 1 when another agent holds one (named with its PR).\nExample: lemegeton lease acquire src/extra.cs docs/extra.md") { acquireFiles };
        acquire.SetAction((r, ct) => LocalCommand.SendAsync(r, new LocalRequest(LocalOps.AcquireLeases, Files: r.GetValue(acquireFiles)), ct,
            reply => $"leased: {string.Join(' ', reply.Files ?? [])} (fencing token {reply.FencingToken})"));
        var releaseFiles = new Argument<string[]>("files") { Description = "Paths to release; none: all of the agent's leases.", Arity = ArgumentArity.ZeroOrMore };
        var release = new Command("release", "Release leased files (none named: all).\nExample: lemegeton lease release src/extra.cs") { releaseFiles };
        release.SetAction((r, ct) => LocalCommand.SendAsync(r, new LocalRequest(LocalOps.ReleaseLeases, Files: r.GetValue(releaseFiles)), ct, _ => "released"));
        Add(acquire);
        Add(release);
    }
}
