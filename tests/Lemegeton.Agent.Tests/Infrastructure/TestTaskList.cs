using System.Globalization;
using System.Text;

namespace Lemegeton.Agent.Tests.Infrastructure;

/// <summary>Small task lists: independent ready PRs, each with its own files.</summary>
internal static class TestTaskList
{
    public static string Id(int i) => "PR-" + i.ToString("D3", CultureInfo.InvariantCulture);

    public static string Build(params IReadOnlyList<string>[] filesPerPr)
    {
        var sb = new StringBuilder("# Task List for the agent tests\n\n## Block 1: Work\n\n");
        for (var i = 1; i <= filesPerPr.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"### {Id(i)}: Change part {i}\n---\npr_id: {Id(i)}\ntitle: Change part {i}\ncold_state: ready\npriority: medium\n");
            sb.Append("complexity:\n  score: 3\n  estimated_minutes: 30\n  suggested_model: haiku\n  rationale: small change\ndependencies: []\n");
            sb.Append("estimated_files:\n");
            foreach (var f in filesPerPr[i - 1]) sb.Append(CultureInfo.InvariantCulture, $"  - path: {f}\n    action: modify\n    description: part {i}\n");
            sb.Append("---\n\n**Description:**\nChange part ").Append(i).Append(".\n\n**Acceptance Criteria:**\n- [ ] Part ").Append(i).Append(" changed\n- [ ] Tests pass\n\n");
        }
        return sb.ToString();
    }
}
