using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Lemegeton.Core.TaskList;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// The demo from start to end: repository, gateway (the dashboard, optional), hub with spawned fake-coder
/// agents, live progress, one agent killed mid-PR, summary, hub and gateway stopped. Every failure ends
/// with one clear line and exit code 1.
/// </summary>
public sealed class DemoRun(DemoOptions options, TextWriter output, TextWriter error)
{
    private static readonly TimeSpan HubCommandBound = TimeSpan.FromSeconds(90);
    private readonly HubExecutable _lemegeton = HubExecutable.Current();

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var root = PrepareDirectory();
        if (root is null) return 2;

        var text = DemoTaskList.Text();
        var doc = TaskListParser.Parse(text, DemoRepository.TaskListPath);
        DemoRepository.Create(root, text);
        var initialCommits = DemoRepository.CommitCount(root);
        output.WriteLine($"demo repository: {root}");
        output.WriteLine($"task list: {DemoRepository.TaskListPath}, {doc.Prs.Count} PRs");

        // The gateway first, so the dashboard sees the hub from its first event; it is optional to the hub.
        var (dashboard, note) = await DemoGateway.StartAsync(_lemegeton, root, options.Settings, HubCommandBound).ConfigureAwait(false);
        if (dashboard is not null)
        {
            if (note is not null) output.WriteLine(TerminalText.Escape(note));
            output.WriteLine($"dashboard: {dashboard}");
        }
        else
            output.WriteLine($"no dashboard: {TerminalText.Escape(note ?? "")}; the demo goes on without the gateway.");

        output.WriteLine($"starting the hub with {options.Agents} fake-coder agents…");
        var start = await DemoHub.RunAsync(_lemegeton, root, [.. DemoHub.StartArguments(options.Agents, _lemegeton), .. options.Settings], HubCommandBound).ConfigureAwait(false);
        if (start.ExitCode != 0)
        {
            if (dashboard is not null) output.WriteLine(await DemoGateway.StopAsync(_lemegeton, root, options.Settings, HubCommandBound).ConfigureAwait(false));
            return Fail($"the hub did not start (exit {start.ExitCode}): {start.Output}");
        }
        output.WriteLine(start.Output);

        var progress = new DemoProgress(doc.Prs.Count, DemoTaskList.IndependentOverlaps(doc.Prs));
        string? failure;
        try
        {
            failure = options.Live
                ? await WatchLiveAsync(root, progress, clock, cancellationToken).ConfigureAwait(false)
                : await WatchPlainAsync(root, progress, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (HubNotRunningException)
        {
            failure = $"the hub stopped during the demo; see its log in {Path.Combine(root, ".lemegeton", "logs")}";
        }
        catch (DemoException e)
        {
            failure = e.Message;
        }
        catch (HttpRequestException e)
        {
            failure = $"the hub's admin API failed: {e.Message}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            failure = "interrupted";
        }

        var summary = DemoSummary.From(progress, DemoRepository.CommitCount(root) - initialCommits, clock.Elapsed);
        output.WriteLine();
        output.WriteLine("summary");
        foreach (var line in summary.Lines()) output.WriteLine("  " + TerminalText.Escape(line));

        if (options.Keep)
        {
            var stopCommand = string.Join(' ', options.Settings.Select(DemoHub.ShellQuote).Prepend("lemegeton stop"));
            output.WriteLine(dashboard is null
                ? $"the hub keeps running in {root}: 'lemegeton status' shows it, '{stopCommand}' there stops it."
                : $"the hub and the gateway keep running in {root} (dashboard: {dashboard}): 'lemegeton status' shows them, '{stopCommand}' there stops them.");
        }
        else
        {
            var stop = await DemoHub.RunAsync(_lemegeton, root, ["hub", "stop", .. options.Settings], HubCommandBound).ConfigureAwait(false);
            output.WriteLine(stop.ExitCode == 0 ? "hub stopped." : $"hub stop: {stop.Output}");
            if (dashboard is not null) output.WriteLine(await DemoGateway.StopAsync(_lemegeton, root, options.Settings, HubCommandBound).ConfigureAwait(false));
        }

        return failure is null ? 0 : Fail(failure);
    }

    private string? PrepareDirectory()
    {
        if (options.Directory is null) return Directory.CreateTempSubdirectory("lemegeton-demo-").FullName;
        var root = Path.GetFullPath(options.Directory);
        if (File.Exists(root) || (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any()))
        {
            error.WriteLine($"--dir: {TerminalText.Escape(root)} exists and is not empty; give a new or empty folder.");
            return null;
        }
        Directory.CreateDirectory(root);
        return root;
    }

    private async Task<string?> WatchPlainAsync(string root, DemoProgress progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        string? lastKey = null;
        while (true)
        {
            var (snapshot, verdict) = await StepAsync(root, progress, clock, cancellationToken, line => output.WriteLine("  " + TerminalText.Escape(line))).ConfigureAwait(false);
            if (snapshot is not null && DemoPlainProgress.ChangeKey(snapshot) is var key && key != lastKey)
            {
                output.WriteLine(DemoPlainProgress.Format(snapshot));
                lastKey = key;
            }
            if (verdict is not null) return verdict.Length == 0 ? null : verdict;
            await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string?> WatchLiveAsync(string root, DemoProgress progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var console = Terminal.For(output);
        string? result = null;
        await console.Live(DemoLiveView.Render(progress)).AutoClear(false).StartAsync(async live =>
        {
            while (true)
            {
                var (_, verdict) = await StepAsync(root, progress, clock, cancellationToken, _ => { }).ConfigureAwait(false);
                live.UpdateTarget(DemoLiveView.Render(progress));
                live.Refresh();
                if (verdict is not null)
                {
                    result = verdict.Length == 0 ? null : verdict;
                    return;
                }
                await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        foreach (var line in progress.Recent) output.WriteLine("  " + TerminalText.Escape(line));
        return result;
    }

    /// <summary>One poll: observe, maybe kill an agent, decide. The verdict is null to go on, empty for success, else the failure.</summary>
    private async Task<(DemoSnapshot? Snapshot, string? Verdict)> StepAsync(string root, DemoProgress progress, Stopwatch clock, CancellationToken cancellationToken, Action<string> tell)
    {
        var snapshot = await PollAsync(root, clock.Elapsed, cancellationToken).ConfigureAwait(false);
        foreach (var line in progress.Observe(snapshot)) tell(line);

        if (progress.Kill is null && snapshot.Completed >= Math.Min(options.KillAfterCompleted, snapshot.Prs.Count - 1))
        {
            foreach (var pr in snapshot.Running.Where(p => p.AgentId is not null))
            {
                if (DemoAgentProcesses.Find(pr.AgentId!, root) is not { } pid) continue;
                if (!TryKill(pid)) continue;
                tell(progress.RecordKill(new DemoKill(pr.AgentId!, pr.SessionId, pid, pr.Id, clock.Elapsed)));
                break;
            }
        }

        if (snapshot.Prs.Count > 0 && snapshot.Completed == snapshot.Prs.Count) return (snapshot, "");
        if (snapshot.Prs.FirstOrDefault(p => p.ColdState == "broken") is { } broken)
            return (snapshot, $"{broken.Id} is broken{LastCommandOutput(root, broken.Id)}; see the hub's log in {Path.Combine(root, ".lemegeton", "logs")}");
        if (clock.Elapsed > options.Timeout)
            return (snapshot, $"timed out after {options.Timeout.TotalSeconds:0} s with {snapshot.Completed}/{snapshot.Prs.Count} PRs completed");
        return (snapshot, null);
    }

    /// <summary>The last lines of the newest command log of <paramref name="prId"/> (<c>.lemegeton/agents/*/PR.log</c>): why it failed.</summary>
    private static string LastCommandOutput(string root, string prId)
    {
        try
        {
            var agents = Path.Combine(root, ".lemegeton", "agents");
            var log = Directory.Exists(agents)
                ? Directory.EnumerateFiles(agents, prId + ".log", SearchOption.AllDirectories).MaxBy(File.GetLastWriteTimeUtc)
                : null;
            if (log is null) return "";
            var tail = File.ReadLines(log).Where(l => l.Trim().Length > 0).TakeLast(3).Select(l => l.Trim()).ToList();
            return tail.Count == 0 ? "" : $" (its last command's output, in {log}: {string.Join(" | ", tail)})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static async Task<DemoSnapshot> PollAsync(string root, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        using var client = new HubAdminClient(new HubPaths(root).AdminSocket, TimeSpan.FromSeconds(10));
        var status = await client.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var prs = await GetAsync(client, "v1/prs", DemoJsonContext.Default.IReadOnlyListPrView, cancellationToken).ConfigureAwait(false);
        var agents = await GetAsync(client, "v1/agents", DemoJsonContext.Default.IReadOnlyListAgentView, cancellationToken).ConfigureAwait(false);
        var leases = await GetAsync(client, "v1/leases", DemoJsonContext.Default.IReadOnlyListLeaseView, cancellationToken).ConfigureAwait(false);
        return new DemoSnapshot(elapsed, status, prs, agents, leases);
    }

    private static async Task<IReadOnlyList<T>> GetAsync<T>(HubAdminClient client, string path, JsonTypeInfo<IReadOnlyList<T>> type, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            throw new DemoException($"the hub does not serve /{path}: its actor system is not running in this build");
        if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable) return [];
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false) ?? [];
    }

    private static bool TryKill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(); // SIGKILL on Unix: the agent gets no chance to say goodbye
            return true;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }

    private int Fail(string reason)
    {
        error.WriteLine($"demo failed: {TerminalText.Escape(reason)}");
        return 1;
    }
}
