namespace Lemegeton.Actors;

// Creation, failure, restart and termination, in the order Akka.NET documents:
// failure → suspend self and children → parent decides; restart → PreRestart on the old instance
// (default: stop children, PostStop) → wait for those children → new instance → PostRestart
// (default: PreStart) → resume; stop → stop children → wait → PostStop → notify watchers and parent.
internal sealed partial class ActorCell
{
    private Exception? _failedCause;
    private object? _failedMessage;
    private Exception? _pendingRecreate;
    private Dictionary<ActorCell, ChildRestartStats>? _childStats;

    private void CreateActor()
    {
        try
        {
            _actor = NewActor();
            _actor.AroundPreStart();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(new ActorInitializationException(this, $"Exception while creating {_path}", e));
        }
    }

    private void SuspendSelf()
    {
        _suspendCount++;
        foreach (var child in ChildrenSnapshot()) child.SendSystemMessage(new Suspend());
    }

    private void ResumeSelf(Exception? causedByFailure)
    {
        if (_suspendCount > 0) _suspendCount--;
        if (causedByFailure is not null && _failedCause is not null)
        {
            _failedCause = null;
            _failedMessage = null;
        }
        foreach (var child in ChildrenSnapshot()) child.SendSystemMessage(new Resume(null));
    }

    /// <summary>The actor threw: suspend it (and its subtree) and let the parent decide.</summary>
    internal void HandleInvokeFailure(Exception cause)
    {
        if (_terminating)
        {
            KernelLog.FailureWhileStopping(_system.Log, cause, _path);
            return;
        }
        if (_failedCause is not null)
        {
            KernelLog.FailureWhileFailed(_system.Log, cause, _path);
            return;
        }
        _failedCause = cause;
        _failedMessage = _currentMessage;
        _awaitingTask = null;
        SuspendSelf();
        if (_parent is not null) _parent.SendSystemMessage(new Failed(this, cause));
        else
        {
            // Only the root has no parent and it runs no user code; keep it alive regardless.
            KernelLog.KernelFault(_system.Log, cause, _path);
            ResumeSelf(cause);
        }
    }

    /// <summary>A child failed: apply this actor's supervisor strategy.</summary>
    private void HandleFailed(ActorCell child, Exception cause)
    {
        if (_terminating || !IsChild(child)) return;
        var strategy = _actor?.SupervisorStrategyInternal ?? SupervisorStrategy.DefaultStrategy;
        var directive = strategy.Decide(cause);
        strategy.LogFailure(_system, child, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystemMessage(new Resume(cause));
                break;
            case Directive.Restart:
            case Directive.Stop:
                strategy.ProcessFailure(this, directive == Directive.Restart, child, cause);
                break;
            default:
                Escalate(child, cause);
                break;
        }
    }

    private void Escalate(ActorCell child, Exception cause)
    {
        if (_parent is not null && _parent._parent is null)
        {
            // This is a guardian: there is nobody above to escalate to. Apply the configured policy.
            var policy = _system.Settings.GuardianEscalationPolicy;
            KernelLog.EscalatedToGuardian(_system.Log, cause, child._path, _path, policy);
            if (policy == GuardianEscalationPolicy.TerminateSystem) _ = _system.Terminate();
            else Stop(child);
            return;
        }
        HandleInvokeFailure(cause);
    }

    internal bool IsChild(ActorCell cell)
    {
        if (!ReferenceEquals(cell._parent, this)) return false;
        var children = Volatile.Read(ref _children);
        if (children is null) return false;
        lock (children) return children.TryGetValue(cell._path.Name, out var c) && ReferenceEquals(c, cell);
    }

    internal ChildRestartStats StatsFor(ActorCell child)
    {
        _childStats ??= [];
        if (!_childStats.TryGetValue(child, out var stats)) _childStats[child] = stats = new ChildRestartStats();
        return stats;
    }

    internal void RestartChild(ActorCell child, Exception cause, bool suspendFirst)
    {
        if (suspendFirst) child.SendSystemMessage(new Suspend());
        child.SendSystemMessage(new Recreate(cause));
    }

    private void FaultRecreate(Exception cause)
    {
        if (_terminating) return;
        var failed = _actor;
        if (failed is not null)
        {
            var message = _failedMessage;
            CancelTimersAndTimeout();
            _stash?.PrependToMailbox();
            try { failed.AroundPreRestart(cause, message); }
            catch (Exception e) { KernelLog.HookFailed(_system.Log, e, "PreRestart", _path); }
            finally
            {
                _actor = null;
                _behaviorStack = null;
                _awaitingTask = null;
            }
        }
        if (HasChildrenStoppingByRequest()) _pendingRecreate = cause;
        else FinishRecreate(cause);
    }

    private bool HasChildrenStoppingByRequest()
    {
        foreach (var c in ChildrenSnapshot())
            if (c._stopRequestedByParent) return true;
        return false;
    }

    private void FinishRecreate(Exception cause)
    {
        _pendingRecreate = null;
        _failedCause = null;
        _failedMessage = null;
        if (_suspendCount > 0) _suspendCount--;
        Interlocked.Increment(ref _restarts);
        try
        {
            _actor = NewActor();
            _actor.AroundPostRestart(cause);
        }
        catch (Exception e)
        {
            HandleInvokeFailure(new ActorInitializationException(this, $"Exception while restarting {_path}", e));
            return;
        }
        foreach (var child in ChildrenSnapshot()) child.SendSystemMessage(new Resume(null));
    }

    private void BeginTerminate()
    {
        if (_terminating) return;
        Volatile.Write(ref _terminating, true);
        CancelTimersAndTimeout();
        UnwatchWatchedActors();
        var children = ChildrenSnapshot();
        if (children.Length == 0)
        {
            FinishTerminate();
            return;
        }
        foreach (var child in children) Stop(child);
    }

    private void HandleChildTerminated(ActorCell child)
    {
        if (!RemoveChild(child)) return;
        _childStats?.Remove(child);
        if (_parent is null) _system.GuardianTerminated(child);
        if (_terminating)
        {
            if (!HasChildren) FinishTerminate();
        }
        else if (_pendingRecreate is { } cause && !HasChildrenStoppingByRequest())
        {
            FinishRecreate(cause);
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        try
        {
            if (actor is not null)
            {
                _stash?.DrainToDeadLetters();
                actor.AroundPostStop();
            }
        }
        catch (Exception e)
        {
            KernelLog.HookFailed(_system.Log, e, "PostStop", _path);
        }
        finally
        {
            _actor = null;
            _behaviorStack = null;
            _awaitingTask = null;
            _childStats = null;
            // A full fence: senders enqueue and then read this flag, and the drains below read the
            // queues after writing it; a plain release store could let both sides miss each other.
            Interlocked.Exchange(ref _terminated, 1);
            TellWatchersWeDied();
            DrainUserMessagesToDeadLetters();
            if (_parent is null) _system.RootTerminated();
        }
    }
}
