using System.Globalization;
using System.Text;

namespace Lemegeton.Agent.Tests.Infrastructure;

/// <summary>Small task lists: ready PRs, each with its own files, and PRs waiting for dependencies.</summary>
internal static class TestTaskList
{
    public static string Id(int i) => "PR-" + i.ToString("D3", CultureInfo.InvariantCulture);

    /// <summary>Independent ready PRs, PR i with the files of <paramref name="filesPerPr"/>[i − 1].</summary>
    public static string Build(params IReadOnlyList<string>[] filesPerPr) =>
        BuildWithDependencies([.. filesPerPr.Select(files => (files, (IReadOnlyList<string>)[]))]);

    /// <summary>PRs with files and dependencies; a PR with dependencies starts as <c>new</c>, the others as <c>ready</c>.</summary>
    public static string BuildWithDependencies(params (IReadOnlyList<string> Files, IReadOnlyList<string> Dependencies)[] prs)
    {
        var sb = new StringBuilder("# Task List for the agent tests\n\n## Block 1: Work\n\n");
        for (var i = 1; i <= prs.Length; i++)
        {
            var (files, dependencies) = prs[i - 1];
            sb.Append(CultureInfo.InvariantCulture, $"### {Id(i)}: Change part {i}\n---\npr_id: {Id(i)}\ntitle: Change part {i}\n");
            sb.Append(CultureInfo.InvariantCulture, $"cold_state: {(dependencies.Count == 0 ? "ready" : "new")}\npriority: medium\n");
            sb.Append("complexity:\n  score: 3\n  estimated_minutes: 30\n  suggested_model: haiku\n  rationale: small change\n");
            sb.Append(dependencies.Count == 0 ? "dependencies: []\n" : $"dependencies: [{string.Join(", ", dependencies)}]\n");
            sb.Append("estimated_files:\n");
            foreach (var f in files) sb.Append(CultureInfo.InvariantCulture, $"  - path: {f}\n    action: modify\n    description: part {i}\n");
            sb.Append("---\n\n**Description:**\nChange part ").Append(i).Append(".\n\n**Acceptance Criteria:**\n- [ ] Part ").Append(i).Append(" changed\n- [ ] Tests pass\n\n");
        }
        return sb.ToString();
    }
}
