namespace Lemegeton.Persistence.Redis;

/// <summary>
/// Group commit: journal requests (each a list of events stored whole or not at all) that arrive
/// while a write is in flight wait, and are then written together in one call of up to
/// <c>maxBatchSize</c> events; each request completes with its own outcome. A request that finds
/// no write in flight is written at once on the caller's thread (no hand-off to a background
/// loop), so a lone writer pays one round trip and nothing more.
/// </summary>
internal sealed class JournalWriteCommitter : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Queue<Pending> _waiting = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<IReadOnlyList<IReadOnlyList<JournalEntry>>, Task<IReadOnlyList<Exception?>>> _write;
    private readonly int _maxBatchSize;
    private bool _writing;
    private bool _closed;

    /// <param name="write">Writes the requests and returns one outcome per request: null when stored.</param>
    /// <param name="maxBatchSize">Most events per write; a larger single request is still written whole.</param>
    public JournalWriteCommitter(Func<IReadOnlyList<IReadOnlyList<JournalEntry>>, Task<IReadOnlyList<Exception?>>> write, int maxBatchSize)
    {
        _write = write;
        _maxBatchSize = Math.Max(1, maxBatchSize);
    }

    public Task EnqueueAsync(IReadOnlyList<JournalEntry> request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var pending = new Pending(request, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            if (_closed) throw new ObjectDisposedException(nameof(RedisJournalStore), "The Redis journal is closed.");
            _waiting.Enqueue(pending);
            if (_writing) return pending.Completion.Task;
            _writing = true;
        }

        // Runs on this thread up to the first await (the Redis call); never throws.
        _ = DrainAsync();
        return pending.Completion.Task;
    }

    private async Task DrainAsync()
    {
        var batch = new List<Pending>();
        var requests = new List<IReadOnlyList<JournalEntry>>();
        while (true)
        {
            lock (_gate)
            {
                var events = 0;
                while (_waiting.Count > 0 && (batch.Count == 0 || events + _waiting.Peek().Request.Count <= _maxBatchSize))
                {
                    var next = _waiting.Dequeue();
                    batch.Add(next);
                    events += next.Request.Count;
                }

                if (batch.Count == 0)
                {
                    _writing = false;
                    if (_closed) _drained.TrySetResult();
                    return;
                }
            }

            foreach (var p in batch) requests.Add(p.Request);
            try
            {
                var outcomes = await _write(requests).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (outcomes[i] is { } error) batch[i].Completion.TrySetException(error);
                    else batch[i].Completion.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var p in batch) p.Completion.TrySetException(ex);
            }

            batch.Clear();
            requests.Clear();
        }
    }

    /// <summary>Stops accepting requests and waits until everything queued is written.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _closed = true;
            if (!_writing) return;
        }

        await _drained.Task.ConfigureAwait(false);
    }

    private readonly record struct Pending(IReadOnlyList<JournalEntry> Request, TaskCompletionSource Completion);
}
