namespace Lemegeton.Hub.Gateway;

/// <summary>How the gateway link stands (for diagnostics and tests).</summary>
/// <param name="HubId">This hub's id (null until the state file is read).</param>
/// <param name="NextSeq">The seq the next event gets.</param>
/// <param name="Buffered">Lines in the resend buffer.</param>
/// <param name="Evicted">Lines dropped from the full buffer since the start.</param>
/// <param name="Acked">The highest seq the gateway acknowledged.</param>
/// <param name="Connected">Connected and welcomed.</param>
/// <param name="Unnumbered">Events waiting for a seq reservation.</param>
public sealed record GatewayLinkStatus(string? HubId, long NextSeq, int Buffered, long Evicted, long Acked, bool Connected, int Unnumbered);
