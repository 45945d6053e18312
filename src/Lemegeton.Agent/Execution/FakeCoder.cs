using System.Globalization;
using Lemegeton.Agent.LocalSocket;
using Lemegeton.Agent.Workspace;

namespace Lemegeton.Agent.Execution;

/// <summary>
/// <c>lemegeton fake-coder</c>: a deterministic stand-in for a coding tool, for the demo and tests. It
/// appends one line naming the PR to each of the PR's files (<c>LEMEGETON_FILES</c>, creating missing
/// ones), commits exactly those files on the current branch with the message <c>{pr}: {title}</c>, and
/// exits 0. It reports progress to its agent when one is reachable. Options make it fail, fail its first
/// attempts, hang, or take its time.
/// </summary>
public sealed class FakeCoder
{
    public sealed record Options
    {
        /// <summary>Exit 1 without touching anything.</summary>
        public bool Fail { get; init; }

        /// <summary>Fail the first N attempts at each PR (counted in <c>.lemegeton/fake-coder/{pr}.attempts</c>), then succeed.</summary>
        public int FailFirst { get; init; }

        /// <summary>Never finish (until killed).</summary>
        public bool Hang { get; init; }

        /// <summary>Work this long before committing, reporting progress on the way.</summary>
        public TimeSpan Delay { get; init; }
    }

    /// <summary>Runs in <paramref name="directory"/> (the agent's working directory); returns the exit code.</summary>
    public static async Task<int> RunAsync(Options options, string directory, IReadOnlyDictionary<string, string?> environment, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var prId = environment.GetValueOrDefault("LEMEGETON_PR_ID");
        if (string.IsNullOrEmpty(prId))
        {
            error.WriteLine("fake-coder: LEMEGETON_PR_ID is not set; it is meant to run as an agent's command (lemegeton agent --exec \"lemegeton fake-coder\").");
            return 2;
        }
        var title = environment.GetValueOrDefault("LEMEGETON_PR_TITLE") ?? prId;
        var files = (environment.GetValueOrDefault("LEMEGETON_FILES") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var socket = environment.GetValueOrDefault(AgentSocketPaths.EnvironmentVariable);
        var repository = environment.GetValueOrDefault("LEMEGETON_REPOSITORY") ?? directory;

        if (options.Fail) { error.WriteLine($"fake-coder: failing {prId} as asked (--fail)."); return 1; }
        if (options.FailFirst > 0)
        {
            var counter = Path.Combine(repository, ".lemegeton", "fake-coder", prId + ".attempts");
            Directory.CreateDirectory(Path.GetDirectoryName(counter)!);
            var attempt = (File.Exists(counter) && int.TryParse(await File.ReadAllTextAsync(counter, cancellation), CultureInfo.InvariantCulture, out var n) ? n : 0) + 1;
            await File.WriteAllTextAsync(counter, attempt.ToString(CultureInfo.InvariantCulture), cancellation);
            if (attempt <= options.FailFirst)
            {
                error.WriteLine($"fake-coder: failing attempt {attempt} of {prId} as asked (--fail-first {options.FailFirst}).");
                return 1;
            }
        }
        if (options.Hang)
        {
            output.WriteLine($"fake-coder: hanging on {prId} as asked (--hang).");
            await Task.Delay(Timeout.Infinite, cancellation);
        }

        await ProgressAsync(socket, 10, $"fake-coder working on {prId}", cancellation);
        if (options.Delay > TimeSpan.Zero)
        {
            var step = options.Delay / 4;
            for (var i = 1; i <= 4; i++)
            {
                await Task.Delay(step, cancellation);
                await ProgressAsync(socket, 10 + i * 20, $"fake-coder: step {i} of 4", cancellation);
            }
        }

        foreach (var file in files)
        {
            var path = Path.GetFullPath(Path.Combine(directory, file));
            if (!path.StartsWith(Path.GetFullPath(directory), StringComparison.Ordinal)) { error.WriteLine($"fake-coder: {file} is outside the repository; skipped."); continue; }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.AppendAllTextAsync(path, $"// {prId}: {title} (fake-coder)\n", cancellation);
        }
        if (files.Length > 0)
        {
            var commit = await CommitAsync(directory, prId, title, files, cancellation);
            if (commit is not null) { error.WriteLine($"fake-coder: {commit}"); return 1; }
        }
        await ProgressAsync(socket, 100, $"fake-coder finished {prId}", cancellation);
        output.WriteLine($"fake-coder: {prId} done ({files.Length} file(s)).");
        return 0;
    }

    /// <summary>How long a commit is tried again while other agents' (and the hub's) git commands are in the way.</summary>
    private static readonly TimeSpan CommitPatience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Commits the files. Agents sharing one repository get in each other's way: a git command holding
    /// <c>index.lock</c> or a ref lock; another commit landing between this one reading HEAD and moving
    /// it ("cannot lock ref 'HEAD': is at … but expected …"); another agent's commit writing back an index
    /// read before this one's <c>git add</c> ("pathspec … did not match any file(s) known to git"). All
    /// pass in moments, so add and commit are tried again, for up to a minute. Null on success, else the error.
    /// </summary>
    private static async Task<string?> CommitAsync(string directory, string prId, string title, string[] files, CancellationToken cancellation)
    {
        var identity = (await GitCli.RunAsync(directory, "config", "user.email").ConfigureAwait(false)).Output.Length > 0
            ? []
            : new[] { "-c", "user.name=Lemegeton fake-coder", "-c", "user.email=fake-coder@lemegeton.invalid" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        GitCli.Result? last = null;
        while (true)
        {
            var add = await GitCli.RunAsync(directory, ["add", "--", .. files], cancellation).ConfigureAwait(false);
            last = add.Ok
                ? await GitCli.RunAsync(directory, [.. identity, "commit", "-q", "-m", $"{prId}: {title}", "--", .. files], cancellation).ConfigureAwait(false)
                : add;
            if (last.Ok) return null;
            var contended = last.Error.Contains(".lock", StringComparison.Ordinal) || last.Error.Contains("cannot lock ref", StringComparison.Ordinal)
                || last.Error.Contains("did not match any file(s) known to git", StringComparison.Ordinal);
            if (!contended || clock.Elapsed > CommitPatience) break;
            await Task.Delay(TimeSpan.FromMilliseconds(50 + Random.Shared.Next(150)), cancellation).ConfigureAwait(false);
        }
        return $"git commit failed: {last.Error}";
    }

    private static async Task ProgressAsync(string? socket, int percent, string message, CancellationToken cancellation)
    {
        if (socket is null) return;
        try { await AgentSocketClient.RequestAsync(socket, new LocalRequest(LocalOps.Progress, Percent: percent, Message: message), cancellation).ConfigureAwait(false); }
        catch (AgentUnreachableException) { }
    }
}
