using System.Globalization;
using System.Text;
using Lemegeton.Core.States;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// Writes realistic, valid task lists of any size for tests and benchmarks: a header, <c>## Block</c>
/// banners separated by horizontal rules every ten PRs, and PR sections of about 870 bytes each with
/// bodies, acceptance criteria, dependencies on earlier PRs (flow and block style) and estimated
/// files. The same seed always gives the same text.
/// </summary>
public sealed class TaskListGenerator(int seed = 42)
{
    private static readonly string[] Areas = ["Widgets", "Billing", "Accounts", "Search", "Reports", "Gateway", "Storage", "Notifications"];
    private static readonly string[] Verbs = ["Add", "Refactor", "Harden", "Document", "Extend", "Cache", "Validate", "Index"];
    private static readonly string[] Things = ["repository", "endpoint", "model", "service", "importer", "exporter", "scheduler", "client"];
    private static readonly ColdState[] States = [ColdState.Completed, ColdState.Approved, ColdState.Ready, ColdState.New, ColdState.Blocked, ColdState.Planned];

    /// <summary>Blocks between two <c>## Block</c> banners.</summary>
    public int PrsPerBlock { get; init; } = 10;

    /// <summary>Line ending to use ("\n" or "\r\n").</summary>
    public string NewLine { get; init; } = "\n";

    public static string PrId(int index) => "PR-" + index.ToString(index < 1000 ? "D3" : "D", CultureInfo.InvariantCulture);

    public string Generate(int prCount)
    {
        var random = new Random(seed);
        var body = new StringBuilder(prCount * 900);
        var total = 0;
        for (var i = 1; i <= prCount; i++)
        {
            if ((i - 1) % PrsPerBlock == 0)
            {
                var block = (i - 1) / PrsPerBlock + 1;
                if (block > 1) Line(body, "---").Append(NewLine);
                Line(body, $"## Block {block}: {Areas[block % Areas.Length]} work{(block > 1 ? $" (Depends on: Block {block - 1})" : "")}").Append(NewLine);
            }
            total += WritePr(body, random, i);
        }

        var header = new StringBuilder(512);
        Line(header, $"# Task List for Generated Service {seed}").Append(NewLine);
        Line(header, "## Orchestration Metadata");
        Line(header, $"**Generated for:** Generated Service v{seed}.0 ({prCount} PRs)");
        Line(header, $"**Estimated Total Complexity:** {total}");
        Line(header, "**Recommended Agent Configuration:**");
        Line(header, "- Haiku agents: 2 (for complexity 1-3)");
        Line(header, "- Sonnet agents: 3 (for complexity 4-7)");
        Line(header, "- Opus agents: 1 (for complexity 8-10)").Append(NewLine);
        Line(header, "---").Append(NewLine);
        return header.Append(body).ToString();
    }

    private int WritePr(StringBuilder sb, Random random, int i)
    {
        var id = PrId(i);
        var area = Areas[random.Next(Areas.Length)];
        var thing = Things[random.Next(Things.Length)];
        var title = $"{Verbs[random.Next(Verbs.Length)]} {area.ToLowerInvariant()} {thing} [part {i % 7 + 1}]";
        var score = random.Next(1, 11);
        var model = score <= 3 ? ModelTier.Haiku : score <= 7 ? ModelTier.Sonnet : ModelTier.Opus;
        var state = States[random.Next(States.Length)];

        Line(sb, $"### {id}: {title}").Append(NewLine);
        Line(sb, "---");
        Line(sb, $"pr_id: {id}");
        Line(sb, $"title: {title}");
        Line(sb, $"cold_state: {state.ToWire()}");
        Line(sb, $"priority: {((Priority)random.Next(4)).ToWire()}");
        Line(sb, "complexity:");
        Line(sb, $"  score: {score}");
        Line(sb, $"  estimated_minutes: {score * 10 + random.Next(0, 10)}");
        Line(sb, $"  suggested_model: {model.ToWire()}");
        Line(sb, $"  rationale: {Rationales[score - 1]}");

        var deps = new SortedSet<int>();
        var depCount = i == 1 ? 0 : random.Next(0, 4);
        for (var d = 0; d < depCount; d++) deps.Add(Math.Max(1, i - random.Next(1, 31)));
        deps.Remove(i);
        if (deps.Count == 0) Line(sb, "dependencies: []");
        else if (i % 3 == 0)
        {
            Line(sb, "dependencies:");
            foreach (var d in deps) Line(sb, $"  - {PrId(d)}");
        }
        else Line(sb, $"dependencies: [{string.Join(", ", deps.Select(PrId))}]");

        Line(sb, "estimated_files:");
        var files = random.Next(1, 4);
        for (var f = 0; f < files; f++)
        {
            var name = $"{char.ToUpperInvariant(thing[0])}{thing[1..]}{random.Next(1, 40)}";
            Line(sb, $"  - path: src/{area}/{name}.cs");
            Line(sb, $"    action: {(f == 0 ? "create" : "modify")}");
            Line(sb, $"    description: {thing} changes for {area.ToLowerInvariant()} {(f == 0 ? "(new file)" : "updates")}");
        }
        Line(sb, "---").Append(NewLine);

        Line(sb, "**Description:**");
        Line(sb, $"{title}. Keep the public contract of the {area} {thing} stable and cover the new paths with tests.").Append(NewLine);
        Line(sb, "**Acceptance Criteria:**");
        var done = state is ColdState.Completed or ColdState.Approved;
        Line(sb, $"- [{(done ? 'x' : ' ')}] The {thing} handles the new case");
        Line(sb, $"- [{(done ? 'x' : ' ')}] Unit tests cover success and failure paths");
        Line(sb, "- [ ] Documentation updated").Append(NewLine);
        Line(sb, "**Notes:**");
        Line(sb, $"Coordinate with the {area} owners.").Append(NewLine);
        return score;
    }

    private static readonly string[] Rationales =
    [
        "Trivial change in one file",
        "Small change with a unit test",
        "A few files, well understood",
        "Several files and some integration",
        "Moderate logic with edge cases",
        "Cross-cutting change with tests",
        "Integration across two components",
        "Complex logic and concurrency",
        "Architecture-level change",
        "Novel design with high risk",
    ];

    private StringBuilder Line(StringBuilder sb, string line) => sb.Append(line).Append(NewLine);
}
