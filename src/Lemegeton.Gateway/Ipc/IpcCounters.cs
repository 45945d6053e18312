namespace Lemegeton.Gateway.Ipc;

/// <summary>What the IPC server has seen since it started (shown by <c>/api/status</c> and <c>gateway status</c>).</summary>
public sealed class IpcCounters
{
    private long _events, _duplicates, _malformed, _oversize, _beforeHello, _unknown, _connections;

    /// <summary>Events delivered (first time seen for their hubId and seq).</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Events ignored because their seq had already been delivered (a resend after reconnect).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Lines that were not a JSON object with the fields their type needs; skipped, connection kept.</summary>
    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Lines longer than the 1 MiB limit; skipped up to their newline, connection kept.</summary>
    public long Oversize => Interlocked.Read(ref _oversize);

    /// <summary>Lines other than <c>hello</c> from a client that had not said hello; ignored.</summary>
    public long BeforeHello => Interlocked.Read(ref _beforeHello);

    /// <summary>Lines with a <c>type</c> the gateway does not know; ignored.</summary>
    public long UnknownType => Interlocked.Read(ref _unknown);

    /// <summary>IPC connections accepted.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    internal void Event() => Interlocked.Increment(ref _events);
    internal void Duplicate() => Interlocked.Increment(ref _duplicates);
    internal void MalformedLine() => Interlocked.Increment(ref _malformed);
    internal void OversizeLine() => Interlocked.Increment(ref _oversize);
    internal void LineBeforeHello() => Interlocked.Increment(ref _beforeHello);
    internal void Unknown() => Interlocked.Increment(ref _unknown);
    internal void Connection() => Interlocked.Increment(ref _connections);
}
