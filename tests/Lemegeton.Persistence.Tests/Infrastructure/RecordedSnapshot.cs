namespace Lemegeton.Persistence.Tests.Infrastructure;

/// <summary>The snapshot EventRecorder saves.</summary>
public sealed record RecordedSnapshot(object[] Events);
