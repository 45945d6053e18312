using System.Text;
using Lemegeton.Core.TaskList;
using Lemegeton.Core.Tests.TaskList;

namespace Lemegeton.Fuzz.Tests;

/// <summary>
/// The task-list parser and validator as a fuzz target. Seeds: the samples the parser tests use and
/// docs/examples/task-list.md. Accepted outcomes: a document, or (strict mode) a
/// <see cref="TaskListException"/> whose every diagnostic has file, line and column; lenient mode never
/// throws. The PR bodies are read too (Markdig), as <c>tasks</c> commands and the hub do.
/// </summary>
public static class TaskListTarget
{
    public const string FileName = "fuzz.md";

    private static readonly TaskListParseOptions Strict = TaskListParseOptions.Strict with { ParallelThreshold = int.MaxValue };
    private static readonly TaskListParseOptions Lenient = TaskListParseOptions.Lenient with { ParallelThreshold = int.MaxValue };

    private static readonly string[] Seeds =
    [
        TaskListSamples.Widget,
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", "task-list.md")),
        TaskListSamples.List(TaskListSamples.Pr("PR-001"), TaskListSamples.Pr("PR-002", "[PR-001]"), TaskListSamples.Pr("PR-003", "\n  - PR-002\n  - PR-001")),
        TaskListSamples.List(TaskListSamples.Pr("PR-001", "[PR-002]"), TaskListSamples.Pr("PR-002", "[PR-001]", extra: "notes: \"a: b \\\\ \\e\"\n")),
    ];

    private static readonly string[] Tokens =
    [
        "### PR-001: Again\n", "### PR-\u001b: x\n", "---\n", "---", "...\n", "pr_id: ", "pr_id: PR-009\n", "title: ", "cold_state: ready\n", "cold_state: ",
        "dependencies: [", "dependencies:\n  - ", "estimated_files:\n  - path: ", "    action: ", "complexity:\n  score: ", "  rationale: ", "priority: ",
        "- ", ": ", "&a ", "*a", "!!str ", "!<tag> ", "? ", "|\n", ">-\n", "{", "}", "[", "]", ",", "\"", "'", "\\", "\\u", "\\x", "#", " #",
        "%YAML 1.2\n", "%TAG ! x\n", "<<: ", "~", "null", "0x1F", "1e9999", "-1", "99999999999999999999", "`", "@", "```\n", "~~~\n", "> ",
        "**Acceptance Criteria:**\n- [ ] ", "- [x] ", "**Description:**\n", "<!--", "-->", "# Title\n", "**Generated for:** ", "**Estimated total complexity:** ",
        "<details>", "[link](", "](x)", "    ", "\t",
    ];

    /// <summary>The input for a seed: a hostile variant of a sample, or a deep or huge structure on its own.</summary>
    public static string Generate(int seed)
    {
        var random = new Random(seed);
        var mutator = new HostileText(random, Tokens, Deep);
        if (random.Next(50) == 0) return TaskListSamples.List(TaskListSamples.Pr("PR-001", extra: "notes: " + Deep(random) + "\n"));
        return mutator.Mutate(Seeds[random.Next(Seeds.Length)]);
    }

    /// <summary>Deep structure, YAML and Markdown: the inputs that break unbounded recursion.</summary>
    internal static string Deep(Random random)
    {
        var n = random.Next(10) == 0 ? random.Next(5_000, 30_000) : random.Next(50, 2_000);
        switch (random.Next(8))
        {
            case 0: return new string('[', n) + new string(']', random.Next(n + 1));
            case 1: return string.Concat(Enumerable.Repeat("{a: ", n)) + "b" + new string('}', n);
            case 2: return string.Concat(Enumerable.Repeat("[{a: ", n / 2));
            case 3:
            {
                var sb = new StringBuilder("\n");
                var depth = Math.Min(n, 400); // block nesting costs depth² characters
                for (var i = 1; i <= depth; i++) sb.Append(' ', i).Append(random.Next(3) == 0 ? "- k:\n" : "k:\n");
                return sb.ToString();
            }
            case 4: return "\n" + new string('>', n) + " quote\n";
            case 5: return "\n" + string.Concat(Enumerable.Range(0, Math.Min(n, 600)).Select(i => new string(' ', i * 2) + "- item\n")); // depth² characters
            case 6: return new string('*', n) + "x" + new string('*', n);
            default: return string.Concat(Enumerable.Repeat("[", n)) + "x" + string.Concat(Enumerable.Repeat("](y)", n));
        }
    }

    /// <summary>Runs the parser both ways; true when strict mode refused the input.</summary>
    public static bool Run(string text)
    {
        bool refused;
        try
        {
            Check(TaskListParser.Parse(text, FileName, Strict).Diagnostics);
            refused = false;
        }
        catch (TaskListException e)
        {
            if (!e.Diagnostics.Any(d => d.IsError)) throw new FuzzOracleException("strict mode refused the list without an error");
            Check(e.Diagnostics);
            refused = true;
        }
        // Lenient mode loads every PR it can: their bodies are read here (the same bodies strict mode loads).
        Use(TaskListParser.Parse(text, FileName, Lenient));
        return refused;
    }

    private static void Use(TaskListDocument doc)
    {
        Check(doc.Diagnostics);
        foreach (var pr in doc.Prs)
        {
            _ = pr.GetSections();
            _ = pr.GetAcceptanceCriteria();
        }
    }

    private static void Check(IEnumerable<TaskListDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
            if (d.Path != FileName || d.Line < 1 || d.Column < 1 || string.IsNullOrEmpty(d.Message))
                throw new FuzzOracleException($"diagnostic without file:line:col: '{d}'");
    }
}
