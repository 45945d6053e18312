namespace Lemegeton.Hub.Gateway;

/// <summary>The hub's link to the gateway (<c>lemegeton.gateway.link.*</c>; the socket is <c>lemegeton.gateway.socket</c>).</summary>
public sealed class GatewayLinkOptions
{
    /// <summary>Run the link at all. Default true (it waits quietly, with backoff, while no gateway runs).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Unacknowledged events kept for resending; beyond it the oldest are dropped and announced as <c>ipc.dropped</c>. Default 1000.</summary>
    public int ResendBuffer { get; set; } = 1000;

    /// <summary>First reconnect delay; doubled after each failure. Default 1 s.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest reconnect delay. Default 30 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Seqs reserved per durable write of the high-water mark (<c>.lemegeton/state/gateway-link</c>). Default 10000.</summary>
    public int SeqReserveBlock { get; set; } = 10_000;

    /// <summary>How long an operator command from the dashboard waits for the coordinator. Default 10 s.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Problems with these values, each naming its key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ResendBuffer < 1) errors.Add($"lemegeton.gateway.link.resend-buffer: {ResendBuffer} must be at least 1.");
        if (ReconnectMinDelay <= TimeSpan.Zero) errors.Add($"lemegeton.gateway.link.reconnect-min-delay: {ReconnectMinDelay} must be positive.");
        if (ReconnectMaxDelay < ReconnectMinDelay)
            errors.Add($"lemegeton.gateway.link.reconnect-max-delay: {ReconnectMaxDelay} must be at least reconnect-min-delay ({ReconnectMinDelay}).");
        if (SeqReserveBlock < 2) errors.Add($"lemegeton.gateway.link.seq-reserve-block: {SeqReserveBlock} must be at least 2.");
        if (CommandTimeout <= TimeSpan.Zero) errors.Add($"lemegeton.gateway.link.command-timeout: {CommandTimeout} must be positive.");
        return errors;
    }
}
