namespace Lemegeton.Protocol.Leases;

/// <summary>
/// Agent → hub: lease files beyond those of the assignment, all or nothing. Answered by
/// <see cref="LeasesGranted"/>, <see cref="LeasesDenied"/> or a <see cref="Errors.ProtocolError"/>
/// (<c>invalid-path</c>, <c>too-many-files</c>, <c>not-assigned</c>).
/// </summary>
/// <param name="CorrelationId">Echoed as <c>re</c> in the answer.</param>
/// <param name="PrId">The PR the files are needed for.</param>
/// <param name="Files">Repository-relative paths; a trailing <c>/</c> leases a directory.</param>
public sealed record AcquireLeases(string CorrelationId, string PrId, IReadOnlyList<string> Files) : IAgentMessage, IProtocolRequest;
