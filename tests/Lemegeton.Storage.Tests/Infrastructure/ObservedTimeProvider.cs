using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Lemegeton.Storage.Tests.Infrastructure;

/// <summary>
/// <see cref="FakeTimeProvider"/> that also tells a test when code under test arms a timer, so the
/// test advances the clock only once the wait it means to cut short exists (advancing earlier
/// would move time past a deadline the code has not yet computed).
/// </summary>
internal sealed class ObservedTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentQueue<(TimeSpan Due, TaskCompletionSource Armed)> _waiters = new();
    private readonly ConcurrentQueue<TimeSpan> _armed = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _armed.Enqueue(dueTime);
        Release();
        return timer;
    }

    /// <summary>Completes when a timer with <paramref name="due"/> has been armed (each armed timer satisfies one wait).</summary>
    public Task WhenTimerArmedAsync(TimeSpan due)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((due, armed));
        Release();
        return armed.Task;
    }

    private void Release()
    {
        lock (_waiters)
        {
            while (_waiters.TryPeek(out var waiter))
            {
                var matched = false;
                var skipped = new List<TimeSpan>();
                while (_armed.TryDequeue(out var due))
                {
                    if (due == waiter.Due) { matched = true; break; }
                    skipped.Add(due);
                }

                foreach (var due in skipped) _armed.Enqueue(due);
                if (!matched) return;
                _waiters.TryDequeue(out _);
                waiter.Armed.TrySetResult();
            }
        }
    }
}
