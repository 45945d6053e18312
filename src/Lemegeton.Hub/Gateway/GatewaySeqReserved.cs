namespace Lemegeton.Hub.Gateway;

/// <summary>Seqs up to this ceiling are durably reserved; the link may number events up to it.</summary>
public sealed record GatewaySeqReserved(long Ceiling);
