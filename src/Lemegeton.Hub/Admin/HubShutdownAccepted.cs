namespace Lemegeton.Hub.Admin;

/// <summary>The answer of <c>POST /v1/shutdown</c>: the graceful shutdown of process <paramref name="Pid"/> has begun.</summary>
public sealed record HubShutdownAccepted(int Pid, bool AlreadyStopping);
