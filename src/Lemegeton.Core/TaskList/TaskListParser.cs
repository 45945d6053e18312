namespace Lemegeton.Core.TaskList;

/// <summary>
/// Parses task lists (spec §2). A structural scan finds the PR sections in one pass, YamlDotNet
/// reads each YAML block (in parallel on large lists), and whole-list checks run last. Markdig is
/// used only on demand, for a PR body (<see cref="PullRequest.GetAcceptanceCriteria"/>).
/// </summary>
public static class TaskListParser
{
    /// <summary>Parses a task list, collecting every problem.</summary>
    /// <param name="path">The file name used in diagnostics.</param>
    /// <exception cref="TaskListException">Strict mode (the default) and the list has an error.</exception>
    public static TaskListDocument Parse(string text, string? path = null, TaskListParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= TaskListParseOptions.Strict;
        var scan = TaskListScanner.Scan(text);
        var blocks = new ParsedBlock[scan.Blocks.Count];
        var scanned = scan.Blocks;
        var lenient = options.IsLenient;
        if (blocks.Length >= options.ParallelThreshold && Environment.ProcessorCount > 1)
        {
            // Contiguous chunks, a few per core, so each thread walks neighbouring text.
            var chunks = Environment.ProcessorCount * 4;
            var size = (blocks.Length + chunks - 1) / chunks;
            Parallel.For(0, chunks, c =>
            {
                var end = Math.Min(blocks.Length, (c + 1) * size);
                for (var i = c * size; i < end; i++) blocks[i] = PrBlockMapper.Map(text, path, lenient, scanned[i]);
            });
        }
        else
        {
            for (var i = 0; i < blocks.Length; i++) blocks[i] = PrBlockMapper.Map(text, path, lenient, scanned[i]);
        }
        return Assemble(text, path, options, scan, blocks);
    }

    /// <summary>
    /// Parses <paramref name="newText"/>, a new version of <paramref name="previous"/>'s text, reading
    /// again only the PR sections whose text changed. A section that is unchanged and at the same
    /// place keeps its <see cref="PullRequest"/> instance; one that only moved (an edit above it changed
    /// the length) gets a copy with shifted positions that shares every parsed value.
    /// </summary>
    /// <exception cref="TaskListException">Strict mode and the new list has an error.</exception>
    public static TaskListDocument Reparse(TaskListDocument previous, string newText)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(newText);
        var oldText = previous.Text;
        var options = previous.Options;
        var path = previous.Path;
        var scan = TaskListScanner.Scan(newText);

        // Everything before the first difference and after the last one is identical in both texts.
        var prefix = oldText.AsSpan().CommonPrefixLength(newText);
        var maxSuffix = Math.Min(oldText.Length, newText.Length) - prefix;
        var suffix = CommonSuffixLength(oldText.AsSpan(oldText.Length - maxSuffix), newText.AsSpan(newText.Length - maxSuffix));
        var delta = newText.Length - oldText.Length;
        var lineDelta = 0;
        if (delta != 0 || suffix < newText.Length - prefix)
            lineDelta = CountLines(newText.AsSpan(prefix, newText.Length - suffix - prefix)) - CountLines(oldText.AsSpan(prefix, oldText.Length - suffix - prefix));

        var oldByStart = new Dictionary<int, ParsedBlock>(previous.Blocks.Count);
        foreach (var b in previous.Blocks) oldByStart[b.Scan.SectionStart] = b;

        var blocks = new ParsedBlock[scan.Blocks.Count];
        var lenient = options.IsLenient;
        for (var i = 0; i < blocks.Length; i++)
        {
            var s = scan.Blocks[i];
            if (s.SectionEnd <= prefix && oldByStart.TryGetValue(s.SectionStart, out var same) && same.Scan == s)
                blocks[i] = same;
            else if (s.SectionStart >= newText.Length - suffix && oldByStart.TryGetValue(s.SectionStart - delta, out var moved)
                     && moved.Scan.SectionLength == s.SectionLength && moved.Scan.SectionLine + lineDelta == s.SectionLine)
                blocks[i] = moved.Moved(s, lineDelta, delta);
            else
                blocks[i] = PrBlockMapper.Map(newText, path, lenient, s);
        }
        return Assemble(newText, path, options, scan, blocks);
    }

    private static TaskListDocument Assemble(string text, string? path, TaskListParseOptions options, TaskListScanner.Result scan, ParsedBlock[] blocks)
    {
        var header = TaskListHeaderReader.Read(text.AsSpan(0, scan.HeaderEnd));
        var (prs, crossDiagnostics) = TaskListValidator.Validate(blocks, path, options.IsLenient);
        var diagnostics = new List<TaskListDiagnostic>(crossDiagnostics.Count + 8);
        foreach (var b in blocks) diagnostics.AddRange(b.Diagnostics);
        diagnostics.AddRange(crossDiagnostics);
        if (scan.Blocks.Count == 0)
            diagnostics.Add(new TaskListDiagnostic(path, 1, 1, null, null, "no PRs found",
                "each PR is a '### PR-001: Title' heading followed by a '---' line, its YAML, and another '---' line",
                options.IsLenient ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
        diagnostics.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        var doc = new TaskListDocument(path, text, header, prs, diagnostics, blocks, options);
        if (!options.IsLenient && !doc.IsValid) throw new TaskListException(path, diagnostics);
        return doc;
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Compare backwards in vector-sized chunks via SequenceEqual, then finish char by char.
        var n = 0;
        const int chunk = 256;
        while (n + chunk <= a.Length && a.Slice(a.Length - n - chunk, chunk).SequenceEqual(b.Slice(b.Length - n - chunk, chunk))) n += chunk;
        while (n < a.Length && a[a.Length - 1 - n] == b[b.Length - 1 - n]) n++;
        return n;
    }

    private static int CountLines(ReadOnlySpan<char> s) => s.Count('\n');
}
