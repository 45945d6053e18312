namespace Lemegeton.Gateway.Browser;

/// <summary>A text frame for one browser; <see cref="Seq"/> is the hub event's seq, or 0 for frames that are not events.</summary>
internal readonly record struct OutgoingFrame(long Seq, ReadOnlyMemory<byte> Bytes);
