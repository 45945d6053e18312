using Lemegeton.Core.TaskList;
using static Lemegeton.Core.Tests.TaskList.TaskListSamples;

namespace Lemegeton.Core.Tests.TaskList;

/// <summary>
/// Values nested deeper than <see cref="TaskListParser.MaxNesting"/> are refused with a diagnostic
/// instead of overflowing the stack. Parsing runs on a thread with a 256 KiB stack, smaller than a
/// pool thread's, so the bound is proven where parallel parsing runs.
/// </summary>
public class TaskListNestingTests
{
    private const int SmallStack = 256 * 1024;

    /// <summary>Runs <paramref name="action"/> on a thread with a small stack; a stack overflow would kill the test host.</summary>
    internal static T OnSmallStack<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = action(); }
            catch (Exception e) { failure = e; }
        }, SmallStack);
        thread.Start();
        thread.Join();
        if (failure is not null) throw new Xunit.Sdk.XunitException("unexpected " + failure);
        return result;
    }

    /// <summary>A PR whose <c>notes</c> nests <paramref name="depth"/> flow lists (<c>[[…]]</c>) or mappings (<c>{k: {k: …}}</c>).</summary>
    private static string Deep(int depth, char open, char close) =>
        List(Pr("PR-001", extra: "notes: " + Nested(depth, open, close) + "\n"));

    private static string Nested(int depth, char open, char close) => open == '['
        ? new string('[', depth) + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{k: ", depth)) + "v" + new string('}', depth);

    /// <summary>1-based column of the <paramref name="n"/>th <paramref name="open"/> on the notes line.</summary>
    private static int ColumnOfOpen(char open, int n) => "notes: ".Length + 1 + (n - 1) * (open == '[' ? 1 : 4);

    [Theory]
    [InlineData('[', ']')]
    [InlineData('{', '}')]
    public void A_value_nested_20000_deep_is_a_diagnostic_not_a_crash(char open, char close)
    {
        var text = Deep(20_000, open, close);

        var doc = OnSmallStack(() => TaskListParser.Parse(text, "deep.md", TaskListParseOptions.Lenient));

        var d = Assert.Single(doc.Diagnostics, x => x.IsError);
        Assert.Equal("yaml", d.Field);
        Assert.Contains($"nested more than {TaskListParser.MaxNesting} levels", d.Message);
        Assert.Equal(LineOf(text, "notes:"), d.Line);
        Assert.Equal(ColumnOfOpen(open, TaskListParser.MaxNesting), d.Column);
        Assert.StartsWith($"deep.md:{d.Line}:{d.Column}: PR-001: yaml:", d.ToString());
        Assert.Equal("a PR needs a few levels at most; put long or structured notes in the PR's body", d.Hint);
    }

    [Fact]
    public void Strict_mode_throws_the_task_list_exception()
    {
        var text = Deep(20_000, '[', ']');

        var e = OnSmallStack(() => Record.Exception(() => TaskListParser.Parse(text, "deep.md")));

        Assert.IsType<TaskListException>(e);
    }

    [Fact]
    public void Many_prs_parsed_in_parallel_with_deep_values_are_diagnostics()
    {
        var prs = Enumerable.Range(1, 80).Select(i => Pr($"PR-{i:000}", extra: "notes: " + new string('[', 10_000) + new string(']', 10_000) + "\n"));
        var text = List([.. prs]);

        var doc = OnSmallStack(() => TaskListParser.Parse(text, "deep.md", TaskListParseOptions.Lenient with { ParallelThreshold = 2 }));

        Assert.Equal(80, doc.Diagnostics.Count(x => x.IsError && x.Field == "yaml"));
    }

    [Fact]
    public void Nesting_at_the_bound_is_accepted_and_kept_as_an_unknown_key()
    {
        // The PR's mapping is level 1, so the value may open MaxNesting - 1 lists.
        var depth = TaskListParser.MaxNesting - 1;
        var text = Deep(depth, '[', ']');

        var doc = OnSmallStack(() => TaskListParser.Parse(text, "deep.md"));

        var value = Assert.Single(doc.Prs[0].UnknownKeys).Value;
        for (var i = 1; i < depth; i++) value = Assert.Single(Assert.IsType<List<object?>>(value));
        Assert.Empty(Assert.IsType<List<object?>>(value));
    }

    [Fact]
    public void Deep_block_indentation_is_bounded_too()
    {
        // The plain-subset reader nests by indentation: a: / b: / c: … each one space further in.
        var depth = TaskListParser.MaxNesting + 10;
        var lines = string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i) + "k:\n")) + new string(' ', depth) + "k: v\n";
        var text = List(Pr("PR-001", extra: "notes:\n" + string.Concat(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => " " + l + "\n"))));

        var doc = OnSmallStack(() => TaskListParser.Parse(text, "deep.md", TaskListParseOptions.Lenient));

        var d = Assert.Single(doc.Diagnostics, x => x.IsError);
        Assert.Equal("yaml", d.Field);
        Assert.Contains("nested more than", d.Message);
    }
}

/// <summary>Markdown that nests absurdly deep (header or body) reads as empty instead of throwing out of Markdig or taking seconds.</summary>
public class MarkdownNestingTests
{
    private static string DeepList(int depth) => string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "- item\n"));

    [Theory]
    [InlineData(300)]
    [InlineData(600)]
    public void A_header_nested_too_deep_for_markdown_still_parses(int depth)
    {
        var text = DeepList(depth) + "\n" + new string('>', depth) + " quote\n\n" + List(Pr("PR-001"));

        var doc = TaskListNestingTests.OnSmallStack(() => TaskListParser.Parse(text, "deep.md"));

        Assert.Single(doc.Prs);
        Assert.Null(doc.Header.Title);
    }

    [Fact]
    public void A_body_nested_too_deep_for_markdown_has_no_sections()
    {
        var text = List(Pr("PR-001")) + "**Acceptance Criteria:**\n- [ ] one\n" + DeepList(300);

        var pr = Assert.Single(TaskListParser.Parse(text, "deep.md").Prs);

        Assert.Empty(TaskListNestingTests.OnSmallStack(() => pr.GetAcceptanceCriteria()));
        Assert.Empty(TaskListNestingTests.OnSmallStack(() => pr.GetSections()));
    }

    [Fact]
    public void A_body_at_markdigs_own_depth_limit_is_read_as_empty_not_thrown()
    {
        // 120 levels pass the line check but exceed Markdig's nesting limit, which throws ArgumentException.
        var text = List(Pr("PR-001")) + "**Acceptance Criteria:**\n- [ ] one\n" + DeepList(120);

        var pr = Assert.Single(TaskListParser.Parse(text, "deep.md").Prs);

        Assert.Empty(TaskListNestingTests.OnSmallStack(() => pr.GetAcceptanceCriteria()));
    }
}

/// <summary>Found by the fuzz tests: a header of thousands of nested links kept Markdig busy for seconds.</summary>
public class MarkdownLinkNestingTests
{
    [Fact]
    public void A_header_of_deeply_nested_links_is_skipped_not_parsed_for_seconds()
    {
        var links = new string('[', 8000) + "x" + string.Concat(Enumerable.Repeat("](y)", 8000));
        var text = "# Title " + links + "\n\n" + List(Pr("PR-001"));

        var doc = TaskListParser.Parse(text, "links.md");

        Assert.Null(doc.Header.Title); // not given to Markdig at all
        Assert.Single(doc.Prs);
    }

    [Fact]
    public void A_header_line_of_thousands_of_emphasis_marks_is_skipped()
    {
        var text = "# Title " + new string('*', 23_000) + "x" + new string('*', 23_000) + "\n\n" + List(Pr("PR-001"));

        var doc = TaskListParser.Parse(text, "stars.md");

        Assert.Null(doc.Header.Title);
        Assert.Single(doc.Prs);
    }
}
