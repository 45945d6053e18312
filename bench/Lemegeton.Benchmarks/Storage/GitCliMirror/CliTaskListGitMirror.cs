using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using Lemegeton.Storage.Git;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Benchmarks.Storage.GitCliMirror;

/// <summary>
/// The git-CLI mirror this project used before LibGit2Sharp (kept only to measure it beside the
/// in-process one; not product code).
/// Mirrors cold transitions to git: the task list's <c>cold_state</c> is rewritten in place and
/// committed alone, whatever else the user has staged or modified. The commit is built with
/// plumbing on a temporary index from HEAD's version of the file, so the user's index and other
/// files are untouched; HEAD moves by compare-and-swap. While the user is in the middle of a
/// merge, rebase, cherry-pick or revert, it waits and retries instead of committing.
/// </summary>
public sealed partial class CliTaskListGitMirror
{
    private static readonly string[] BusyMarkers = ["MERGE_HEAD", "rebase-merge", "rebase-apply", "CHERRY_PICK_HEAD", "REVERT_HEAD", "index.lock"];

    private readonly GitCli _git;
    private readonly GitMirrorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _serial = new(1, 1);
    private string? _gitDir;

    public CliTaskListGitMirror(string repositoryRoot, TimeSpan commandTimeout, GitMirrorOptions options, TimeProvider time, ILogger<CliTaskListGitMirror> logger)
    {
        _git = new GitCli(repositoryRoot, commandTimeout);
        _options = options;
        _time = time;
        _logger = logger;
        TaskListPath = options.TaskListPath.Replace('\\', '/');
    }

    public string RepositoryRoot => _git.WorkingDirectory;

    /// <summary>The task list, relative to the repository root.</summary>
    public string TaskListPath { get; }

    /// <summary>Raised each time a commit waits for the user's merge/rebase (the argument names it).</summary>
    public event Action<string>? WaitingForUser;

    /// <summary>
    /// Sets the PR's <c>cold_state</c> and commits the task list alone. Returns the new commit's
    /// id, or null when HEAD already records that state.
    /// </summary>
    public async Task<string?> CommitAsync(ColdTransition transition, CancellationToken ct = default)
    {
        await _serial.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var started = _time.GetTimestamp();
            while (true)
            {
                if (await BusyOperationAsync(ct).ConfigureAwait(false) is { } busy)
                {
                    if (_time.GetElapsedTime(started) > _options.BusyMaxWait)
                        throw new GitCommandException(
                            $"Cannot commit {transition.PrId} → {transition.To.ToWire()}: the repository {RepositoryRoot} has been in a {busy} for more than {_options.BusyMaxWait.TotalMinutes:0} min; finish or abort it (git merge --abort / git rebase --abort).", -1, "");
                    LogWaiting(_logger, transition.PrId, busy);
                    WaitingForUser?.Invoke(busy);
                    await Task.Delay(_options.BusyRetryInterval, _time, ct).ConfigureAwait(false);
                    continue;
                }
                var result = await TryCommitOnceAsync(transition, ct).ConfigureAwait(false);
                if (result.Done) return result.Commit;
                LogHeadMoved(_logger, transition.PrId);
            }
        }
        finally
        {
            _serial.Release();
        }
    }

    private async Task<(bool Done, string? Commit)> TryCommitOnceAsync(ColdTransition t, CancellationToken ct)
    {
        var head = (await _git.RunAsync(["rev-parse", "--verify", "HEAD"], ct: ct).ConfigureAwait(false)).Trim();
        var entry = (await _git.RunAsync(["ls-tree", "HEAD", "--", TaskListPath], ct: ct).ConfigureAwait(false)).Trim();
        if (entry.Length == 0)
            throw new GitCommandException($"{TaskListPath} is not committed at HEAD in {RepositoryRoot}: commit the task list once before starting the hub.", -1, "");
        var mode = entry[..entry.IndexOf(' ')];
        var oldBlob = entry.Split([' ', '\t'])[2];
        var headText = await _git.RunAsync(["cat-file", "blob", oldBlob], ct: ct).ConfigureAwait(false);

        var doc = TaskListParser.Parse(headText, TaskListPath, TaskListParseOptions.Lenient);
        var newText = TaskListWriter.SetColdState(headText, doc, t.PrId, t.To);
        if (newText == headText) return (true, null);

        var newBlob = (await _git.RunAsync(["hash-object", "-w", "--stdin", "--path", TaskListPath], newText, ct: ct).ConfigureAwait(false)).Trim();
        var tempIndex = Path.Combine(Path.GetTempPath(), $"lemegeton-index-{Guid.NewGuid():N}");
        string commit;
        try
        {
            var env = new Dictionary<string, string>
            {
                ["GIT_INDEX_FILE"] = tempIndex,
                ["GIT_AUTHOR_NAME"] = _options.AuthorName,
                ["GIT_AUTHOR_EMAIL"] = _options.AuthorEmail,
                ["GIT_COMMITTER_NAME"] = _options.AuthorName,
                ["GIT_COMMITTER_EMAIL"] = _options.AuthorEmail,
            };
            await _git.RunAsync(["read-tree", head], environment: env, ct: ct).ConfigureAwait(false);
            await _git.RunAsync(["update-index", "--cacheinfo", $"{mode},{newBlob},{TaskListPath}"], environment: env, ct: ct).ConfigureAwait(false);
            var tree = (await _git.RunAsync(["write-tree"], environment: env, ct: ct).ConfigureAwait(false)).Trim();
            commit = (await _git.RunAsync(["commit-tree", tree, "-p", head, "-F", "-"], t.CommitMessage(), env, ct).ConfigureAwait(false)).Trim();
        }
        finally
        {
            File.Delete(tempIndex);
        }

        var moved = await _git.TryRunAsync(["update-ref", "-m", $"lemegeton: {t.PrId} {t.To.ToWire()}", "HEAD", commit, head], ct: ct).ConfigureAwait(false);
        if (!moved.Succeeded) return (false, null);

        await SyncIndexAsync(mode, oldBlob, newBlob, ct).ConfigureAwait(false);
        SyncWorkingFile(headText, newText, t);
        LogCommitted(_logger, t.PrId, t.From.ToString(), t.To.ToWire(), commit);
        return (true, commit);
    }

    /// <summary>
    /// The user's index still holds the old task list; point it at the new blob unless the user
    /// has staged a change of their own to the file (then their staged version stays).
    /// </summary>
    private async Task SyncIndexAsync(string mode, string oldBlob, string newBlob, CancellationToken ct)
    {
        var staged = (await _git.RunAsync(["ls-files", "-s", "--", TaskListPath], ct: ct).ConfigureAwait(false)).Trim();
        if (staged.Length == 0 || staged.Split([' ', '\t'])[1] != oldBlob) return;
        await _git.RunAsync(["update-index", "--cacheinfo", $"{mode},{newBlob},{TaskListPath}"], ct: ct).ConfigureAwait(false);
    }

    /// <summary>Brings the working file along: the same change, keeping the user's unsaved edits elsewhere in it.</summary>
    private void SyncWorkingFile(string headText, string newText, ColdTransition t)
    {
        var path = Path.Combine(RepositoryRoot, TaskListPath);
        try
        {
            var current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current is null) return;
            if (current == headText) { AtomicFile.WriteAllText(path, newText); return; }
            var doc = TaskListParser.Parse(current, path, TaskListParseOptions.Lenient);
            var updated = TaskListWriter.SetColdState(current, doc, t.PrId, t.To);
            if (!ReferenceEquals(updated, current) && updated != current) AtomicFile.WriteAllText(path, updated);
        }
        catch (Exception ex) when (ex is IOException or KeyNotFoundException or InvalidOperationException or TaskListException)
        {
            LogWorkingFileNotUpdated(_logger, path, t.PrId, ex.Message);
        }
    }

    /// <summary>The task list as committed at HEAD, parsed (lenient: problems are in its diagnostics).</summary>
    public async Task<TaskListDocument> ReadHeadAsync(CancellationToken ct = default)
    {
        var text = await _git.RunAsync(["cat-file", "blob", "HEAD:" + TaskListPath], ct: ct).ConfigureAwait(false);
        return TaskListParser.Parse(text, TaskListPath, TaskListParseOptions.Lenient);
    }

    /// <summary>The user operation in progress (merge, rebase, …), or null when the repository is free.</summary>
    public async Task<string?> BusyOperationAsync(CancellationToken ct = default)
    {
        _gitDir ??= (await _git.RunAsync(["rev-parse", "--absolute-git-dir"], ct: ct).ConfigureAwait(false)).Trim();
        foreach (var marker in BusyMarkers)
        {
            var p = Path.Combine(_gitDir, marker);
            if (File.Exists(p) || Directory.Exists(p))
                return marker switch
                {
                    "MERGE_HEAD" => "merge",
                    "rebase-merge" or "rebase-apply" => "rebase",
                    "CHERRY_PICK_HEAD" => "cherry-pick",
                    "REVERT_HEAD" => "revert",
                    _ => "git command holding index.lock",
                };
        }
        return null;
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Committed {PrId}: {From} → {To} as {Commit}")]
    private static partial void LogCommitted(ILogger logger, string prId, string from, string to, string commit);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Commit of {PrId} waits: the repository is in a {Operation}")]
    private static partial void LogWaiting(ILogger logger, string prId, string operation);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Debug, Message = "HEAD moved while committing {PrId}; trying again")]
    private static partial void LogHeadMoved(ILogger logger, string prId);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Committed {PrId} but could not update the working copy of {Path} ({Reason}); run git checkout on it after saving your edits")]
    private static partial void LogWorkingFileNotUpdated(ILogger logger, string path, string prId, string reason);
}
