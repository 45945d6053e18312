using System.CommandLine;
using Lemegeton.Agent.LocalSocket;

namespace Lemegeton.Cli.Commands;

/// <summary>Shared by the commands that talk to their agent's local socket: send, print, exit 0 / 1 (refused) / 3 (no agent).</summary>
internal static class LocalCommand
{
    public const int Refused = 1;
    public const int NoAgent = 3;

    public static async Task<int> SendAsync(ParseResult result, LocalRequest request, CancellationToken cancellation, Func<LocalReply, string?> describe)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (AgentSocketClient.PathFromEnvironment() is not { } socket)
        {
            error.WriteLine($"lemegeton {request.Op}: {AgentSocketPaths.EnvironmentVariable} is not set; run this from inside a command started by 'lemegeton agent'.");
            return NoAgent;
        }
        LocalReply reply;
        try { reply = await AgentSocketClient.RequestAsync(socket, request, cancellation); }
        catch (AgentUnreachableException e)
        {
            error.WriteLine($"lemegeton {request.Op}: {TerminalText.Escape(e.Message)}");
            return NoAgent;
        }
        if (!reply.Ok)
        {
            error.WriteLine($"lemegeton {request.Op}: {TerminalText.Escape(reply.Error ?? reply.Code ?? "refused")}");
            return reply.Code == "not-connected" ? NoAgent : Refused;
        }
        if (describe(reply) is { } text) output.WriteLine(text);
        return 0;
    }
}
