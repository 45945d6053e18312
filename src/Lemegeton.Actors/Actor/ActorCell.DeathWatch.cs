namespace Lemegeton.Actors;

// DeathWatch. The watcher remembers whom it watches (to deduplicate and to drop late notices after
// Unwatch); the watchee remembers its watchers and notifies each once when it stops. A Watch that
// reaches an actor which already stopped is answered at once (see HandleDeadSystemMessage).
internal sealed partial class ActorCell
{
    private HashSet<InternalActorRef>? _watching;
    private HashSet<InternalActorRef>? _watchedBy;
    private HashSet<IActorRef>? _terminatedQueued;

    internal int WatcherCount => _watchedBy?.Count ?? 0;

    internal int WatchingCount => _watching?.Count ?? 0;

    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        subject = subject.Unwrap();
        if (subject is not InternalActorRef target)
        {
            // Not a kernel reference (e.g. Nobody): it is never alive, so it counts as already dead.
            if ((_terminatedQueued ??= []).Add(subject)) Tell(new Terminated(subject, ExistenceConfirmed: false), subject);
            return subject;
        }
        if (ReferenceEquals(target, this)) return subject;
        if ((_watching ??= []).Add(target)) target.SendSystemMessage(new Watch(target, this));
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        subject = subject.Unwrap();
        _terminatedQueued?.Remove(subject);
        if (subject is InternalActorRef target && _watching is not null && _watching.Remove(target))
            target.SendSystemMessage(new Unwatch(target, this));
        return subject;
    }

    private void AddWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, this) || ReferenceEquals(watcher, this)) return;
        (_watchedBy ??= []).Add(watcher);
    }

    private void RemoveWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, this)) return;
        if (_watchedBy is not null && _watchedBy.Remove(watcher) && _watchedBy.Count == 0) _watchedBy = null;
    }

    private void WatchedActorTerminated(InternalActorRef actor, bool existenceConfirmed)
    {
        if (_watching is not null && _watching.Remove(actor) && !_terminating)
        {
            // Queued as a user message (sender = the dead actor) so it keeps its order with other
            // messages; Unwatch before it is processed withdraws it.
            (_terminatedQueued ??= []).Add(actor);
            Tell(new Terminated(actor, existenceConfirmed), actor);
        }
        if (actor is ActorCell child && ReferenceEquals(child._parent, this)) HandleChildTerminated(child);
    }

    /// <summary>Returns true when a dequeued <see cref="Terminated"/> should reach the behaviour.</summary>
    private bool ReceivedTerminated(Terminated t)
    {
        if (_terminatedQueued is null || !_terminatedQueued.Remove(t.ActorRef)) return false;
        if (_terminatedQueued.Count == 0) _terminatedQueued = null;
        return true;
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy is { } watchers)
        {
            _watchedBy = null;
            foreach (var w in watchers)
                if (!ReferenceEquals(w, _parent)) w.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
        }
        // The parent always learns about its child's death (it frees the name), watching or not.
        _parent?.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: true));
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is { } watching)
        {
            _watching = null;
            foreach (var w in watching) w.SendSystemMessage(new Unwatch(w, this));
        }
        _terminatedQueued = null;
    }
}
