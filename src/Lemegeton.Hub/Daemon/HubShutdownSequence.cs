using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Daemon;

/// <summary>
/// Runs the registered <see cref="IHubShutdownStep"/>s in stage order, each bounded by its timeout
/// and all of them by <c>hub.shutdown-timeout</c>. A step that overruns is cancelled and abandoned
/// (not awaited), so no step can hold the exit beyond the bound.
/// </summary>
public sealed class HubShutdownSequence(IEnumerable<IHubShutdownStep> steps, HubOptions options, TimeProvider time, ILogger<HubShutdownSequence> logger)
{
    private readonly IReadOnlyList<IHubShutdownStep> _steps = steps
        .Select((step, index) => (step, index))
        .OrderBy(x => x.step.Stage)
        .ThenBy(x => x.index)
        .Select(x => x.step)
        .ToArray();

    /// <summary>The steps in the order they run.</summary>
    public IReadOnlyList<IHubShutdownStep> Steps => _steps;

    /// <summary>Runs every step once; <paramref name="cancellationToken"/> abandons the rest (e.g. a forced exit).</summary>
    public async Task<IReadOnlyList<HubShutdownStepResult>> RunAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<HubShutdownStepResult>(_steps.Count);
        var started = time.GetTimestamp();
        HubLog.ShutdownStarted(logger, _steps.Count, options.ShutdownTimeout);
        foreach (var step in _steps)
        {
            var remaining = options.ShutdownTimeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero || cancellationToken.IsCancellationRequested)
            {
                HubLog.ShutdownStepSkipped(logger, step.Name, step.Stage);
                results.Add(new HubShutdownStepResult(step.Name, step.Stage, HubShutdownStepOutcome.Skipped, TimeSpan.Zero));
                continue;
            }

            results.Add(await RunStepAsync(step, remaining, cancellationToken).ConfigureAwait(false));
        }

        HubLog.ShutdownFinished(logger, time.GetElapsedTime(started));
        return results;
    }

    private async Task<HubShutdownStepResult> RunStepAsync(IHubShutdownStep step, TimeSpan remaining, CancellationToken cancellationToken)
    {
        var own = step.Timeout ?? (step.Stage == HubShutdownStage.AwaitWorkingAgents ? options.WorkingAgentsGrace : options.ShutdownStepTimeout);
        var bound = own < remaining ? own : remaining;
        // The timer exists before the step starts, so time that passes while it runs always counts.
        using var deadline = new CancellationTokenSource(bound, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var begun = time.GetTimestamp();
        HubLog.ShutdownStepStarted(logger, step.Name, step.Stage, bound);
        Task task;
        try
        {
            task = step.RunAsync(linked.Token);
        }
        catch (Exception e)
        {
            HubLog.ShutdownStepFailed(logger, e, step.Name, step.Stage);
            return new HubShutdownStepResult(step.Name, step.Stage, HubShutdownStepOutcome.Failed, time.GetElapsedTime(begun));
        }

        HubShutdownStepOutcome outcome;
        try
        {
            await task.WaitAsync(linked.Token).ConfigureAwait(false);
            outcome = HubShutdownStepOutcome.Completed;
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            // Abandoned: observe its eventual fault so it is not reported as unobserved.
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            outcome = deadline.IsCancellationRequested && own <= remaining ? HubShutdownStepOutcome.TimedOut : HubShutdownStepOutcome.Skipped;
        }
        catch (Exception e)
        {
            HubLog.ShutdownStepFailed(logger, e, step.Name, step.Stage);
            return new HubShutdownStepResult(step.Name, step.Stage, HubShutdownStepOutcome.Failed, time.GetElapsedTime(begun));
        }

        var elapsed = time.GetElapsedTime(begun);
        if (outcome == HubShutdownStepOutcome.Completed) HubLog.ShutdownStepCompleted(logger, step.Name, step.Stage, elapsed);
        else HubLog.ShutdownStepAbandoned(logger, step.Name, step.Stage, bound, outcome);
        return new HubShutdownStepResult(step.Name, step.Stage, outcome, elapsed);
    }
}
