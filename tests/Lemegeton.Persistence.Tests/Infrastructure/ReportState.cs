namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>Reply with the recorded events (a Recovered).</summary>
public sealed record ReportState;
