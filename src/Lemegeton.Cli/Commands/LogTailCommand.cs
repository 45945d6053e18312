using System.CommandLine;
using System.Text.Json;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton log tail [-f] [-n N] [--level L] [--agent ID] [--pr PR] [--json]</c>.</summary>
public sealed class LogTailCommand : Command
{
    public LogTailCommand(CliEnvironment environment)
        : base("tail", "The last entries of the hub's log (from its rolling files); -f follows new entries until Ctrl-C. "
            + "--level keeps that level and above; --agent/--pr keep entries that mention the id.\nExample: lemegeton log tail -f --level warning --pr PR-004")
    {
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new entries until Ctrl-C." };
        var lines = new Option<int>("--lines", "-n") { Description = "How many entries to show first.", DefaultValueFactory = _ => 50 };
        var level = new Option<string?>("--level") { Description = "Minimum level: trace, debug, information, warning, error, critical.", HelpName = "level" };
        level.AcceptOnlyFromAmong("trace", "debug", "information", "info", "warning", "warn", "error", "critical");
        var agent = new Option<string?>("--agent") { Description = "Only entries mentioning this agent id.", HelpName = "id" };
        var pr = new Option<string?>("--pr") { Description = "Only entries mentioning this PR id.", HelpName = "id" };
        var json = TaskListOptions.JsonOption();
        foreach (var o in new Option[] { follow, lines, level, agent, pr, json }) Add(o);
        SetAction(result => HubCall.Run(result, environment, json, async call =>
        {
            var query = new List<string> { "lines=" + Math.Max(0, result.GetValue(lines)) };
            if (result.GetValue(level) is { } l) query.Add("level=" + Uri.EscapeDataString(l));
            if (result.GetValue(agent) is { } a) query.Add("agent=" + Uri.EscapeDataString(a));
            if (result.GetValue(pr) is { } p) query.Add("pr=" + Uri.EscapeDataString(p));
            if (result.GetValue(follow)) query.Add("follow=true");
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
            Console.CancelKeyPress += cancel;
            try
            {
                using var response = await call.OpenAsync(new HttpRequestMessage(HttpMethod.Get, "v1/logs?" + string.Join('&', query)), stop.Token).ConfigureAwait(false);
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token).ConfigureAwait(false));
                while (await reader.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
                {
                    if (line.Length == 0) continue;
                    if (call.Json) { call.Output.WriteLine(line); call.Output.Flush(); continue; }
                    using var doc = JsonDocument.Parse(line);
                    TerminalText.WriteLines(call.Output, "", doc.RootElement.GetProperty("text").GetString());
                    call.Output.Flush();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (IOException) when (result.GetValue(follow))
            {
                // the hub stopped while following
            }
            finally
            {
                Console.CancelKeyPress -= cancel;
            }
            return 0;
        }, timeout: Timeout.InfiniteTimeSpan));
    }
}
