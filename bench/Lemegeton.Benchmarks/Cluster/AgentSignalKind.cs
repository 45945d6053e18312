namespace Lemegeton.Benchmarks.Cluster;

internal enum AgentSignalKind
{
    Welcomed,
    Assigned,
}
