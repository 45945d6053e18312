using System.Globalization;
using Lemegeton.Core.Scheduling;

namespace Lemegeton.Hub.Spawner;

/// <summary>Parses <c>--agents worker:4,qc:1</c> into the agents to spawn: <c>worker-1…worker-4</c>, <c>qc-1</c>.</summary>
public static class SpawnerAgentList
{
    /// <summary>The most agents one hub spawns on its machine; more is almost certainly a typo.</summary>
    public const int MaxAgents = 64;

    /// <summary>Parses <paramref name="text"/>; on failure returns false and an error that quotes the bad part and says what to write.</summary>
    public static bool TryParse(string? text, out IReadOnlyList<SpawnedAgent> agents, out string? error)
    {
        var list = new List<SpawnedAgent>();
        agents = list;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no agents given; write type:count pairs, e.g. worker:4,qc:1.";
            return false;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0)
            {
                error = $"'{text}': an empty entry; write type:count pairs separated by commas, e.g. worker:4,qc:1.";
                return false;
            }
            var pieces = part.Split(':', StringSplitOptions.TrimEntries);
            var type = pieces[0].ToLowerInvariant();
            if (AgentTypes.WorkOf(type) is null)
            {
                error = $"'{part}': unknown agent type '{pieces[0]}'; use {string.Join(", ", AgentTypes.All)}.";
                return false;
            }
            var count = 1;
            if (pieces.Length > 2 || (pieces.Length == 2 && (!int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)))
            {
                error = $"'{part}': give a type and a positive count, e.g. {type}:4.";
                return false;
            }
            if (list.Count + count > MaxAgents)
            {
                error = $"'{text}': {list.Count + count} or more agents; one hub spawns at most {MaxAgents}.";
                return false;
            }
            var existing = list.Count(a => a.Type == type);
            for (var i = 1; i <= count; i++) list.Add(new SpawnedAgent($"{type}-{existing + i}", type));
        }
        return true;
    }
}
