namespace Lemegeton.Gateway.Dashboard;

/// <summary>One PR as the dashboard shows it (State.prs).</summary>
internal sealed class DashboardPr(string id)
{
    public string Id { get; } = id;
    public string Title { get; set; } = id;
    public string Cold { get; set; } = "new";
    public string? Hot { get; set; }
    public string? Agent { get; set; }
    public List<string> Dependencies { get; set; } = [];
    public List<string> Files { get; set; } = [];
    public int? Complexity { get; set; }
    public string? Priority { get; set; }
}
