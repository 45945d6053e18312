using System.CommandLine;
using Lemegeton.Agent.LocalSocket;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton progress PERCENT "message"</c>, from inside an agent's command: reports progress on the current PR.</summary>
public sealed class ProgressCommand : Command
{
    public ProgressCommand()
        : base("progress", "Report progress on the current PR, from inside an agent's command (talks to the agent on LEMEGETON_AGENT_SOCKET).\nExample: lemegeton progress 50 \"tests pass\"")
    {
        var percent = new Argument<int>("percent") { Description = "0 to 100." };
        var message = new Argument<string?>("message") { Description = "What is happening.", Arity = ArgumentArity.ZeroOrOne };
        Add(percent);
        Add(message);
        SetAction((r, ct) => LocalCommand.SendAsync(r, new LocalRequest(LocalOps.Progress, Percent: r.GetValue(percent), Message: r.GetValue(message)), ct, _ => null));
    }
}
