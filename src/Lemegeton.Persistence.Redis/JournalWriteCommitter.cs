using System.Threading.Channels;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// Group commit: journal requests (each a list of atomic writes) are queued; one loop drains
/// whatever is waiting, up to <c>maxBatchSize</c> events, into a single write and completes
/// each request with its own outcome (stored, or the exception for that request alone).
/// </summary>
internal sealed class JournalWriteCommitter : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<IReadOnlyList<JournalEntry>>, Task<IReadOnlyList<Exception?>>> _write;
    private readonly int _maxBatchSize;
    private readonly Task _loop;

    /// <param name="write">Writes the requests (each a flattened list of events) and returns one outcome per request: null when stored.</param>
    /// <param name="maxBatchSize">Most events per write; a larger single request is still written whole.</param>
    public JournalWriteCommitter(Func<IReadOnlyList<IReadOnlyList<JournalEntry>>, Task<IReadOnlyList<Exception?>>> write, int maxBatchSize)
    {
        _write = write;
        _maxBatchSize = Math.Max(1, maxBatchSize);
        _loop = Task.Run(RunAsync);
    }

    public Task EnqueueAsync(IReadOnlyList<JournalEntry> request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(request, completion)))
            throw new ObjectDisposedException(nameof(RedisJournalStore), "The Redis journal is closed.");
        return completion.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>();
        var requests = new List<IReadOnlyList<JournalEntry>>();
        var reader = _queue.Reader;
        Pending? carried = null;
        while (carried is not null || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var events = 0;
            if (carried is { } first)
            {
                batch.Add(first);
                events += first.Request.Count;
                carried = null;
            }

            while (reader.TryRead(out var next))
            {
                if (batch.Count > 0 && events + next.Request.Count > _maxBatchSize)
                {
                    carried = next;
                    break;
                }

                batch.Add(next);
                events += next.Request.Count;
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
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private readonly record struct Pending(IReadOnlyList<JournalEntry> Request, TaskCompletionSource Completion);
}
