using System.Threading.Channels;

namespace Lemegeton.Storage.Journal;

/// <summary>
/// Group commit: callers enqueue items and await; one background loop drains whatever is
/// queued (up to <c>maxBatch</c>) into a single write and completes every caller of the batch
/// after it is written, or fails them all with the write's exception.
/// </summary>
internal sealed class GroupCommitter<T> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, Task<long>> _writeBatch;
    private readonly int _maxBatch;
    private readonly Task _loop;

    /// <param name="writeBatch">Writes the items; returns the sequence number of the first.</param>
    public GroupCommitter(Func<IReadOnlyList<T>, Task<long>> writeBatch, int maxBatch)
    {
        _writeBatch = writeBatch;
        _maxBatch = Math.Max(1, maxBatch);
        _loop = Task.Run(RunAsync);
    }

    public Task<long> EnqueueAsync(T item, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite(new Pending(item, tcs)))
            throw new ObjectDisposedException(nameof(GroupCommitter<T>), "The journal is closed.");
        return tcs.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var items = new List<T>(_maxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatch && reader.TryRead(out var p))
            {
                batch.Add(p);
                items.Add(p.Item);
            }
            try
            {
                var first = await _writeBatch(items).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++) batch[i].Completion.TrySetResult(first + i);
            }
            catch (Exception ex)
            {
                foreach (var p in batch) p.Completion.TrySetException(ex);
            }
            batch.Clear();
            items.Clear();
        }
    }

    /// <summary>Stops accepting items and waits until everything queued is written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private readonly record struct Pending(T Item, TaskCompletionSource<long> Completion);
}
