using Akka.Actor;
using Akka.Event;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Hub.Actors;

/// <summary>
/// Watches the task list file (child of <see cref="HubCoordinator"/>): a <see cref="FileSystemWatcher"/>
/// on its folder turns every change into a message; changes are debounced
/// (<see cref="TaskListWatchSettings.Debounce"/>), then the file is read and re-parsed incrementally
/// (<see cref="TaskListParser.Reparse"/>: unchanged PR blocks are reused) on the thread pool and piped
/// back. <see cref="ReloadTaskList"/> (SIGHUP) does the same at once. A list that parses without errors
/// and differs from the last one goes to the coordinator (<see cref="TaskListChanged"/>), unless only
/// <c>cold_state</c> values changed (the hub's own commits do that; a reload would be wasted); one with
/// errors is refused: logged with file and line and published as <see cref="TaskListRejected"/>, and
/// the previous list stays in force. Supervision: a back-off supervisor restarts it (the watcher is
/// I/O); a new incarnation starts from the list in its props and re-reads the file at once.
/// </summary>
public sealed class TaskListActor : ReceiveActor, IWithTimers
{
    private const string DebounceTimer = "debounce";
    private readonly IActorRef _coordinator;
    private readonly TaskListWatchSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private TaskListDocument _current;
    private FileSystemWatcher? _watcher;
    private bool _reading;
    private bool _again;

    public TaskListActor(IActorRef coordinator, TaskListDocument initial, TaskListWatchSettings settings)
    {
        _coordinator = coordinator;
        _current = initial;
        _settings = settings;
        Receive<FileTouched>(_ => Timers.StartSingleTimer(DebounceTimer, ReloadTaskList.Instance, _settings.Debounce));
        Receive<ReloadTaskList>(_ => Read());
        Receive<Parsed>(OnParsed);
        Receive<ReadFailed>(f =>
        {
            _reading = false;
            _log.Warning("Task list {0} could not be read ({1}); the previous list stays in force", _settings.Path, f.Error);
            Context.System.EventStream.Publish(new TaskListRejected(_settings.Path, [$"{_settings.Path}: {f.Error}"]));
            if (_again) { _again = false; Read(); }
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef coordinator, TaskListDocument initial, TaskListWatchSettings settings) =>
        Akka.Actor.Props.Create(() => new TaskListActor(coordinator, initial, settings));

    protected override void PreStart()
    {
        if (!_settings.Watch) return;
        var full = Path.GetFullPath(_settings.Path);
        var self = Self;
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        FileSystemEventHandler touched = (_, _) => self.Tell(FileTouched.Instance);
        _watcher.Changed += touched;
        _watcher.Created += touched;
        _watcher.Renamed += (_, _) => self.Tell(FileTouched.Instance);
        _watcher.EnableRaisingEvents = true;
        // Edits made while no watcher ran (before start, during a restart) are picked up now.
        Self.Tell(FileTouched.Instance);
    }

    protected override void PostStop() => _watcher?.Dispose();

    private void Read()
    {
        if (_reading) { _again = true; return; }
        _reading = true;
        var previous = _current;
        var path = _settings.Path;
        Task.Run(async () =>
        {
            var text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
            return text == previous.Text ? new Parsed(previous, Unchanged: true) : new Parsed(TaskListParser.Reparse(previous, text), Unchanged: false);
        }).PipeTo(Self, failure: ex => new ReadFailed(ex.Message));
    }

    private void OnParsed(Parsed p)
    {
        _reading = false;
        if (!p.Unchanged)
        {
            if (!p.Document.IsValid)
            {
                var errors = p.Document.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
                _log.Warning("Task list {0} has {1} error(s); the previous list stays in force:\n{2}", _settings.Path, errors.Count, string.Join("\n", errors));
                Context.System.EventStream.Publish(new TaskListRejected(_settings.Path, errors));
            }
            else if (p.Document.DiffersOnlyInColdStates(_current))
            {
                // The hub's own commits rewrite cold_state values; the coordinator's cold states come from its journal and git.
                _current = p.Document;
                _log.Debug("Task list {0}: only cold_state values changed; nothing to reload", _settings.Path);
            }
            else
            {
                _current = p.Document;
                _coordinator.Tell(new TaskListChanged(p.Document));
            }
        }
        if (_again) { _again = false; Read(); }
    }

    private sealed record FileTouched
    {
        public static FileTouched Instance { get; } = new();
    }

    private sealed record Parsed(TaskListDocument Document, bool Unchanged);

    private sealed record ReadFailed(string Error);
}
