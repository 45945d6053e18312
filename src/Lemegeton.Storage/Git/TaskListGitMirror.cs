using System.Collections.Concurrent;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;
using LibGit2Sharp;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Lemegeton.Storage.Git;

/// <summary>
/// Mirrors cold transitions to git in-process (LibGit2Sharp): the task list's <c>cold_state</c> is
/// rewritten byte-for-byte in a new blob, put into HEAD's tree, committed on HEAD and the branch
/// moved — after re-checking, under the mirror's lock, that the branch still points where the
/// commit was built (libgit2's ref update is not compare-and-swap). The user's index gets only its
/// task-list entry changed, and the working file only its one value, so everything else the user
/// has staged, modified or left untracked stays exactly as it was. While the user is in the middle
/// of a merge, rebase, cherry-pick, revert, bisect or am, it waits and retries instead of committing.
/// </summary>
public sealed partial class TaskListGitMirror
{
    /// <summary>The note of a commit whose index and working-file update may be cut short: old blob, new blob, task list.</summary>
    private const string SyncNote = "task-list-sync";

    /// <summary>One lock per repository for every mirror in this process.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    private readonly GitMirrorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _serial;

    public TaskListGitMirror(string repositoryRoot, GitMirrorOptions options, TimeProvider time, ILogger<TaskListGitMirror> logger)
    {
        RepositoryRoot = Path.GetFullPath(repositoryRoot);
        _options = options;
        _time = time;
        _logger = logger;
        TaskListPath = options.TaskListPath.Replace('\\', '/');
        _serial = Locks.GetOrAdd(Path.TrimEndingDirectorySeparator(RepositoryRoot), _ => new SemaphoreSlim(1, 1));
    }

    public string RepositoryRoot { get; }

    /// <summary>The task list, relative to the repository root.</summary>
    public string TaskListPath { get; }

    /// <summary>Raised each time a commit waits for the user's merge/rebase (the argument names it).</summary>
    public event Action<string>? WaitingForUser;

    /// <summary>Test seam: runs after the commit object is written, before the branch tip is re-checked.</summary>
    internal Action? AfterCommitBuilt { get; set; }

    /// <summary>Test seam: runs after the branch tip was re-checked, right before the ref is moved.</summary>
    internal Action? AfterTipRechecked { get; set; }

    /// <summary>
    /// Sets the PR's <c>cold_state</c> and commits the task list alone. Returns the new commit's
    /// id, or null when HEAD already records that state.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The PR is not in the task list at HEAD.</exception>
    /// <exception cref="GitMirrorException">No repository, no task list at HEAD, or the user's operation outlasted <see cref="GitMirrorOptions.BusyMaxWait"/>.</exception>
    public async Task<string?> CommitAsync(ColdTransition transition, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(transition);
        await _serial.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var started = _time.GetTimestamp();
            while (true)
            {
                // libgit2 calls block: run them on the thread pool, not on the caller's (an actor's) thread.
                var (busy, done, commit, pendingIndex) = await Task.Run(() => Attempt(transition), ct).ConfigureAwait(false);
                if (busy is not null)
                {
                    if (_time.GetElapsedTime(started) > _options.BusyMaxWait)
                        throw new GitMirrorException(
                            $"Cannot commit {transition.PrId} → {transition.To.ToWire()}: the repository {RepositoryRoot} has been in a {busy} for more than {_options.BusyMaxWait.TotalMinutes:0} min; "
                            + (busy.StartsWith("git command", StringComparison.Ordinal)
                                ? "if no git command is running, delete that lock file."
                                : "finish or abort it (git merge --abort / git rebase --abort)."));
                    LogWaiting(_logger, transition.PrId, busy);
                    WaitingForUser?.Invoke(busy);
                    await Task.Delay(_options.BusyRetryInterval, _time, ct).ConfigureAwait(false);
                    continue;
                }
                if (done)
                {
                    if (pendingIndex is not null) await FinishIndexAsync(pendingIndex, ct).ConfigureAwait(false);
                    return commit;
                }
                LogHeadMoved(_logger, transition.PrId);
            }
        }
        finally
        {
            _serial.Release();
        }
    }

    /// <summary>The user's operation in progress, or one commit attempt (not done when the branch moved under it).</summary>
    private (string? Busy, bool Done, string? Commit, IndexSync? PendingIndex) Attempt(ColdTransition t)
    {
        using var repo = Open();
        if (BusyOperation(repo) is { } busy) return (busy, false, null, null);
        try
        {
            var done = TryCommitOnce(repo, t, out var commit, out var pendingIndex);
            return (null, done, commit, pendingIndex);
        }
        catch (LockedFileException ex)
        {
            // A git command holds the branch's ref lock (git itself fails then; we wait like for a merge).
            return ($"git command holding a lock file ({ex.Message})", false, null, null);
        }
    }

    /// <summary>One attempt; false when the branch moved under it (nothing was changed then).</summary>
    private bool TryCommitOnce(Repository repo, ColdTransition t, out string? commit, out IndexSync? pendingIndex)
    {
        commit = null;
        pendingIndex = null;
        if (repo.Info.IsHeadUnborn || repo.Head.Tip is not { } head)
            throw NotCommitted();
        // The branch HEAD points at, or HEAD itself when detached.
        var branch = repo.Refs.Head.ResolveToDirectReference().CanonicalName;
        if (head[TaskListPath] is not { TargetType: TreeEntryTargetType.Blob } entry)
            throw NotCommitted();
        if (entry.Mode is not (Mode.NonExecutableFile or Mode.ExecutableFile))
            throw new GitMirrorException($"{TaskListPath} at HEAD in {RepositoryRoot} is a {entry.Mode}, not a regular file: commit the task list as a file.");

        var oldBlob = (Blob)entry.Target;
        var headBytes = ReadBlob(oldBlob);
        var newBytes = TaskListBytes.SetColdState(headBytes, TaskListPath, t.PrId, t.To, onlyIfValue: null, out var oldValue)!;
        if (ReferenceEquals(newBytes, headBytes)) return true;

        var newBlob = repo.ObjectDatabase.Write<Blob>(newBytes);
        var definition = TreeDefinition.From(head).Add(TaskListPath, newBlob, entry.Mode);
        var tree = repo.ObjectDatabase.CreateTree(definition);
        var who = new Signature(_options.AuthorName, _options.AuthorEmail, _time.GetLocalNow());
        var created = repo.ObjectDatabase.CreateCommit(who, who, t.CommitMessage(), tree, [head], prettifyMessage: false);
        AfterCommitBuilt?.Invoke();

        // libgit2 moves a ref to whatever it holds at that instant: look again right before moving it
        // (and at a merge or rebase the user may have started meanwhile: the next attempt waits for it).
        if (!StillAt(repo, branch, head.Id) || BusyOperation(repo) is not null) return false;
        AfterTipRechecked?.Invoke();
        // From here libgit2 creates lock files; a kill before they are renamed would leave them to block every git command.
        // The note lets the next mirror bring the index and the working file along if this one is killed before it does.
        using var inFlight = SyncInFlight(repo, oldBlob.Id, newBlob, branch);
        repo.Refs.UpdateTarget(repo.Refs[branch], created.Id, $"lemegeton: {t.PrId} {t.To.ToWire()}");
        if (OverwrittenCommit(repo, branch, head.Id, created.Id) is { } lost)
        {
            // Someone else's commit landed between the re-check and the update: put it back and start again on top of it.
            if (repo.Refs[branch]?.TargetIdentifier == created.Sha)
                repo.Refs.UpdateTarget(repo.Refs[branch], lost, $"lemegeton: restore {lost.ToString(7)} (moved while committing {t.PrId})");
            LogRestored(_logger, branch, lost.Sha, t.PrId);
            return false;
        }

        if (!SyncIndex(repo, oldBlob.Id, newBlob, oldValue, t)) pendingIndex = new IndexSync(oldBlob.Id, newBlob, oldValue, t);
        SyncWorkingFile(headBytes, newBytes, oldValue, t);
        LogCommitted(_logger, t.PrId, t.From.ToString(), t.To.ToWire(), created.Sha);
        commit = created.Sha;
        return true;
    }

    /// <summary>HEAD still points at <paramref name="branch"/>, and it at <paramref name="expected"/>.</summary>
    private static bool StillAt(Repository repo, string branch, ObjectId expected)
    {
        var head = repo.Refs.Head?.ResolveToDirectReference();
        return head is not null && head.CanonicalName == branch && head.TargetIdentifier == expected.Sha;
    }

    /// <summary>
    /// The commit our update replaced when it was not <paramref name="expected"/>, read from the
    /// reflog entry libgit2 wrote under its ref lock (null when all is well or there is no reflog).
    /// </summary>
    private static ObjectId? OverwrittenCommit(Repository repo, string branch, ObjectId expected, ObjectId created) =>
        ReflogTail.OldValueOfUpdateTo(repo.Info.Path, branch, created.Sha) is { } old && old != expected.Sha
            ? new ObjectId(old)
            : null;

    /// <summary>
    /// The user's index still holds the old task list. Its entry is pointed at the new blob when it
    /// held HEAD's version; when the user staged their own version, the same value is changed in
    /// it (their other staged edits stay staged) unless they changed that very value. No other
    /// index entry is touched; a conflicted or removed entry is left alone.
    /// </summary>
    /// <returns>False when a git command holds <c>index.lock</c> right now (try again shortly).</returns>
    private bool SyncIndex(Repository repo, ObjectId oldBlob, ObjectId newBlob, string oldValue, ColdTransition t)
    {
        try
        {
            var index = repo.Index;
            if (index[TaskListPath] is not { StageLevel: StageLevel.Staged } staged) return true;
            var target = newBlob;
            if (staged.Id != oldBlob)
            {
                var stagedBytes = ReadBlob(repo.Lookup<Blob>(staged.Id));
                var updated = TaskListBytes.SetColdState(stagedBytes, TaskListPath + " (staged)", t.PrId, t.To, oldValue, out _);
                if (updated is null) { LogUserValueKept(_logger, "staged", TaskListPath, t.PrId); return true; }
                if (ReferenceEquals(updated, stagedBytes)) return true;
                target = repo.ObjectDatabase.Write<Blob>(updated);
            }
            index.Add(repo.Lookup<Blob>(target), TaskListPath, staged.Mode);
            index.Write();
            return true;
        }
        catch (LockedFileException)
        {
            return false;
        }
        catch (Exception ex) when (ex is LibGit2SharpException or GitMirrorException or InvalidOperationException or TaskListException)
        {
            LogIndexNotUpdated(_logger, TaskListPath, t.PrId, ex.Message);
            return true;
        }
    }

    /// <summary>
    /// The lock marker (<see cref="GitLocksInFlight"/>) for moving <paramref name="refs"/> and updating the index
    /// and the working file from <paramref name="oldBlob"/> to <paramref name="newBlob"/>, with the note that
    /// lets the next mirror finish that update (<see cref="FinishInterruptedSync"/>).
    /// </summary>
    private IDisposable SyncInFlight(Repository repo, ObjectId oldBlob, ObjectId newBlob, params string[] refs) =>
        GitLocksInFlight.Enter(repo.Info.Path, GitLocksInFlight.LocksOf(repo.Info.Path, refs),
            [$"{SyncNote}\t{oldBlob.Sha}\t{newBlob.Sha}\t{TaskListPath}"]);

    /// <summary>An index update put off because a git command held <c>index.lock</c>.</summary>
    private sealed record IndexSync(ObjectId OldBlob, ObjectId NewBlob, string OldValue, ColdTransition Transition);

    /// <summary>
    /// The commit is made but an agent's git held <c>index.lock</c> when the index was to be updated: left
    /// so, <c>git status</c> would show a staged revert of the commit, and the next <c>git commit</c> of
    /// the index would make it. Git holds that lock for milliseconds: look again every
    /// <see cref="GitMirrorOptions.IndexRetryInterval"/>, up to <see cref="GitMirrorOptions.IndexLockMaxWait"/>.
    /// </summary>
    private async Task FinishIndexAsync(IndexSync pending, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            await Task.Delay(_options.IndexRetryInterval, _time, ct).ConfigureAwait(false);
            var done = await Task.Run(() =>
            {
                using var repo = Open();
                using var inFlight = SyncInFlight(repo, pending.OldBlob, pending.NewBlob);
                return SyncIndex(repo, pending.OldBlob, pending.NewBlob, pending.OldValue, pending.Transition);
            }, ct).ConfigureAwait(false);
            if (done) return;
            if (_time.GetElapsedTime(started) >= _options.IndexLockMaxWait)
            {
                LogIndexNotUpdated(_logger, TaskListPath, pending.Transition.PrId, $"a git command held index.lock for {_options.IndexLockMaxWait.TotalSeconds:0.#} s");
                return;
            }
        }
    }

    /// <summary>
    /// Brings the working file along: the same value changed, every other byte (the user's unsaved
    /// edits included) kept, unless the user changed that very value or removed the PR.
    /// </summary>
    private void SyncWorkingFile(byte[] headBytes, byte[] newBytes, string oldValue, ColdTransition t)
    {
        var path = Path.Combine(RepositoryRoot, TaskListPath);
        try
        {
            if (!File.Exists(path)) return;
            var current = File.ReadAllBytes(path);
            var updated = current.AsSpan().SequenceEqual(headBytes)
                ? newBytes
                : TaskListBytes.SetColdState(current, path, t.PrId, t.To, oldValue, out _);
            if (updated is null) { LogUserValueKept(_logger, "working", path, t.PrId); return; }
            if (!ReferenceEquals(updated, current)) WriteAtomically(path, updated);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or TaskListException or GitMirrorException)
        {
            LogWorkingFileNotUpdated(_logger, path, t.PrId, ex.Message);
        }
    }

    /// <summary>The task list as committed at HEAD, parsed (lenient: problems are in its diagnostics).</summary>
    public Task<TaskListDocument> ReadHeadAsync(CancellationToken ct = default) =>
        Task.Run(() =>
        {
            using var repo = Open();
            if (repo.Info.IsHeadUnborn || repo.Head.Tip?[TaskListPath] is not { TargetType: TreeEntryTargetType.Blob } entry)
                throw NotCommitted();
            return TaskListBytes.Parse(ReadBlob((Blob)entry.Target), TaskListPath);
        }, ct);

    /// <summary>The user operation in progress (merge, rebase, …), or null when the repository is free.</summary>
    public Task<string?> BusyOperationAsync(CancellationToken ct = default) =>
        Task.Run(() =>
        {
            using var repo = Open();
            return BusyOperation(repo);
        }, ct);

    private static string? BusyOperation(Repository repo)
    {
        var busy = repo.Info.CurrentOperation switch
        {
            CurrentOperation.None => null,
            CurrentOperation.Merge => "merge",
            CurrentOperation.Revert or CurrentOperation.RevertSequence => "revert",
            CurrentOperation.CherryPick or CurrentOperation.CherryPickSequence => "cherry-pick",
            CurrentOperation.Bisect => "bisect",
            CurrentOperation.ApplyMailbox => "am session",
            _ => "rebase",
        };
        if (busy is null && File.Exists(Path.Combine(repo.Info.Path, "index.lock")))
            busy = "git command holding index.lock";
        return busy;
    }

    private Repository Open()
    {
        Repository repo;
        try
        {
            repo = new Repository(RepositoryRoot);
        }
        catch (RepositoryNotFoundException ex)
        {
            throw new GitMirrorException($"{RepositoryRoot} is not a git repository ({ex.Message}): start the hub in the repository's root.", ex);
        }
        if (GitLocksInFlight.RemoveLeftovers(repo.Info.Path) is { } left)
        {
            foreach (var stale in left.RemovedLocks) LogStaleLockRemoved(_logger, stale);
            foreach (var note in left.Notes) FinishInterruptedSync(repo, note);
        }
        return repo;
    }

    /// <summary>
    /// A hub killed after moving the branch but before updating the index and the working file left them
    /// at the old task list, so <c>git status</c> would show a staged revert of its commit (and a user's
    /// <c>git commit -a</c> would make it). When HEAD has the commit's task list and a copy is still
    /// exactly the old one, that copy is brought along; a copy the user changed is left, with a warning.
    /// </summary>
    private void FinishInterruptedSync(Repository repo, string note)
    {
        var fields = note.Split('\t', 4);
        if (fields.Length != 4 || fields[0] != SyncNote || fields[3] != TaskListPath) return;
        try
        {
            if (!ObjectId.TryParse(fields[1], out var oldId) || !ObjectId.TryParse(fields[2], out var newId)) return;
            if (repo.Info.IsHeadUnborn || repo.Head.Tip?[TaskListPath] is not { } atHead || atHead.Target.Id != newId) return; // the commit did not land
            if (repo.Lookup<Blob>(oldId) is not { } oldBlob || repo.Lookup<Blob>(newId) is not { } newBlob) return;
            var index = repo.Index;
            if (index[TaskListPath] is { StageLevel: StageLevel.Staged } staged && staged.Id == oldId)
            {
                index.Add(newBlob, TaskListPath, staged.Mode);
                index.Write();
                LogInterruptedSyncFinished(_logger, "index", TaskListPath);
            }
            var path = Path.Combine(RepositoryRoot, TaskListPath);
            if (File.Exists(path))
            {
                var current = File.ReadAllBytes(path);
                if (current.AsSpan().SequenceEqual(ReadBlob(oldBlob)))
                {
                    WriteAtomically(path, ReadBlob(newBlob));
                    LogInterruptedSyncFinished(_logger, "working", TaskListPath);
                }
                else if (!current.AsSpan().SequenceEqual(ReadBlob(newBlob)))
                {
                    LogInterruptedSyncLeft(_logger, path, "it has edits of its own");
                }
            }
        }
        catch (Exception ex) when (ex is LibGit2SharpException or IOException or UnauthorizedAccessException)
        {
            LogInterruptedSyncLeft(_logger, TaskListPath, ex.Message);
        }
    }

    private GitMirrorException NotCommitted() =>
        new($"{TaskListPath} is not committed at HEAD in {RepositoryRoot}: commit the task list once before starting the hub.");

    private static byte[] ReadBlob(Blob blob)
    {
        using var content = blob.GetContentStream();
        using var copy = new MemoryStream(checked((int)blob.Size));
        content.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Temporary file in the same folder, flushed, renamed over the target; the file's mode is kept.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Committed {PrId}: {From} → {To} as {Commit}")]
    private static partial void LogCommitted(ILogger logger, string prId, string from, string to, string commit);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Commit of {PrId} waits: the repository is in a {Operation}")]
    private static partial void LogWaiting(ILogger logger, string prId, string operation);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Debug, Message = "HEAD moved while committing {PrId}; building the commit again on the new HEAD")]
    private static partial void LogHeadMoved(ILogger logger, string prId);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Committed {PrId} but could not update the working copy of {Path} ({Reason}); run git checkout on it after saving your edits")]
    private static partial void LogWorkingFileNotUpdated(ILogger logger, string path, string prId, string reason);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Warning, Message = "Committed {PrId} but could not update the index entry of {Path} ({Reason}); git status shows it as a staged change")]
    private static partial void LogIndexNotUpdated(ILogger logger, string path, string prId, string reason);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Warning, Message = "Committed {PrId}; the {Copy} copy of {Path} has the user's own cold_state for it (or lacks the PR) and was left as it is")]
    private static partial void LogUserValueKept(ILogger logger, string copy, string path, string prId);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Warning, Message = "Removed {Lock}: a hub killed in the middle of a commit left it, and it would block every git command in the repository")]
    private static partial void LogStaleLockRemoved(ILogger logger, string @lock);

    [LoggerMessage(EventId = 1509, Level = LogLevel.Warning, Message = "A hub killed in the middle of a commit left the {Copy} copy of {Path} at the previous task list; brought it up to HEAD")]
    private static partial void LogInterruptedSyncFinished(ILogger logger, string copy, string path);

    [LoggerMessage(EventId = 1510, Level = LogLevel.Warning, Message = "A hub killed in the middle of a commit left {Path} behind HEAD, and it was left as it is ({Reason}): compare it with HEAD (git diff HEAD -- the file)")]
    private static partial void LogInterruptedSyncLeft(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Warning, Message = "{Branch} moved to {Commit} while committing {PrId}; restored it and committing again on top of it")]
    private static partial void LogRestored(ILogger logger, string branch, string commit, string prId);
}
