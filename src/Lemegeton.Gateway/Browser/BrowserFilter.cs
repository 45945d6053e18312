using Microsoft.AspNetCore.Http;

namespace Lemegeton.Gateway.Browser;

/// <summary>
/// The event filters of one browser connection (<c>/ws?pr=…&amp;agent=…&amp;event=…</c>, each a comma
/// list, all optional): an event passes when it matches every filter given. Frames that are not hub
/// events (snapshot, hub, command_result) always pass.
/// </summary>
public sealed class BrowserFilter
{
    private readonly HashSet<string>? _prs;
    private readonly HashSet<string>? _agents;
    private readonly HashSet<string>? _events;

    public BrowserFilter(IEnumerable<string>? prs, IEnumerable<string>? agents, IEnumerable<string>? events)
    {
        _prs = Set(prs);
        _agents = Set(agents);
        _events = Set(events);
    }

    public static BrowserFilter All { get; } = new(null, null, null);

    public bool IsAll => _prs is null && _agents is null && _events is null;

    public static BrowserFilter From(IQueryCollection query) => new(List(query, "pr"), List(query, "agent"), List(query, "event"));

    public bool Matches(string name, string? prId, string? agentId) =>
        (_events is null || _events.Contains(name))
        && (_prs is null || (prId is not null && _prs.Contains(prId)))
        && (_agents is null || (agentId is not null && _agents.Contains(agentId)));

    private static IEnumerable<string>? List(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values) ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : null;

    private static HashSet<string>? Set(IEnumerable<string>? values)
    {
        if (values is null) return null;
        var set = new HashSet<string>(values, StringComparer.Ordinal);
        return set.Count == 0 ? null : set;
    }
}
