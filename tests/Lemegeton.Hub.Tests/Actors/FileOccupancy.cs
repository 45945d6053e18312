using System.Collections.Concurrent;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>
/// Shared by every test agent (all nodes run in this process): which agent is working on which file
/// right now. An agent enters its files when its leases are granted and leaves them before it reports
/// the PR complete; entering a file another agent is in is recorded as a violation.
/// </summary>
internal sealed class FileOccupancy
{
    private readonly ConcurrentDictionary<string, string> _holders = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _violations = new();

    public IReadOnlyCollection<string> Violations => _violations;

    public void Enter(string agentId, IEnumerable<string> files)
    {
        foreach (var f in files)
            if (!_holders.TryAdd(f, agentId) && _holders.TryGetValue(f, out var other) && other != agentId)
                _violations.Enqueue($"{agentId} entered {f} while {other} was in it");
    }

    public void Leave(string agentId, IEnumerable<string> files)
    {
        foreach (var f in files) _holders.TryRemove(KeyValuePair.Create(f, agentId));
    }
}
