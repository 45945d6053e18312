using System.Net.WebSockets;
using System.Threading.Channels;

namespace Lemegeton.Gateway.Browser;

/// <summary>
/// One browser's WebSocket: a bounded queue of frames and the loop that sends them in order. A
/// browser too slow to keep up (its queue full) is disconnected rather than allowed to hold the
/// hub's acknowledgements back. <see cref="Idle"/> and <see cref="LastSentSeq"/> tell the router how
/// far this browser has been served (the gateway acknowledges the hub only what every browser got).
/// </summary>
internal sealed class BrowserClient
{
    private readonly Channel<OutgoingFrame> _queue;
    private long _enqueued;
    private long _sent;
    private long _lastSentSeq;

    private readonly CoalescingStream? _stream;

    public BrowserClient(long id, WebSocket socket, BrowserFilter filter, int capacity, CoalescingStream? stream = null)
    {
        _stream = stream;
        Id = id;
        Socket = socket;
        Filter = filter;
        _queue = Channel.CreateBounded<OutgoingFrame>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    }

    public long Id { get; }
    public WebSocket Socket { get; }
    public BrowserFilter Filter { get; }

    /// <summary>The browser resumed with <c>?since=</c>: events up to this seq (a hub resending after the gateway restarted) are not sent again.</summary>
    public long ResumeAfter { get; set; }

    /// <summary>True when the queue was full and the browser is being disconnected.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Every queued frame has been sent.</summary>
    public bool Idle => Volatile.Read(ref _sent) == Volatile.Read(ref _enqueued);

    public long LastSentSeq => Volatile.Read(ref _lastSentSeq);

    /// <summary>Queues a frame; false (and the client is marked overflowed and closed) when its queue is full.</summary>
    public bool Enqueue(OutgoingFrame frame)
    {
        if (Overflowed) return false;
        Interlocked.Increment(ref _enqueued);
        if (_queue.Writer.TryWrite(frame)) return true;
        Interlocked.Decrement(ref _enqueued);
        Overflowed = true;
        _queue.Writer.TryComplete();
        return false;
    }

    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Sends queued frames until the queue completes or the socket fails.</summary>
    public async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Everything queued goes out in one socket write; counted as sent once written.
            _stream?.BeginBatch();
            long lastSeq = 0, count = 0;
            while (reader.TryRead(out var frame))
            {
                await Socket.SendAsync(frame.Bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                if (frame.Seq > 0) lastSeq = frame.Seq;
                count++;
                if (count == 1024) break;
            }
            if (_stream is not null) await _stream.EndBatchAsync(cancellationToken).ConfigureAwait(false);
            if (lastSeq > 0) Volatile.Write(ref _lastSentSeq, lastSeq);
            Interlocked.Add(ref _sent, count);
        }
    }
}
