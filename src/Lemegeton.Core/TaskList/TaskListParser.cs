namespace Lemegeton.Core.TaskList;

/// <summary>
/// Parses task lists (spec §2). A structural scan finds the PR sections in one pass, YamlDotNet
/// reads each YAML block (in parallel on large lists), and whole-list checks run last. Markdig is
/// used only on demand, for a PR body (<see cref="PullRequest.GetAcceptanceCriteria"/>).
/// </summary>
public static class TaskListParser
{
    /// <summary>
    /// Deepest nesting of lists and mappings in a PR's YAML (the PR's own mapping is level 1); deeper
    /// values are a <c>yaml</c> diagnostic at the collection that crosses the bound. A real PR needs 4
    /// levels; the bound keeps hostile input from exhausting memory or, in the recursive walks over
    /// the tree (unknown keys), a small thread-pool stack.
    /// </summary>
    public const int MaxNesting = 64;

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
        return Assemble(text, path, options, scan.HeaderEnd, blocks);
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
        var old = previous.Blocks;

        // Everything before the first difference and after the last one is identical in both texts.
        var prefix = oldText.AsSpan().CommonPrefixLength(newText);
        var maxSuffix = Math.Min(oldText.Length, newText.Length) - prefix;
        var suffix = CommonSuffixLength(oldText.AsSpan(oldText.Length - maxSuffix), newText.AsSpan(newText.Length - maxSuffix));
        var delta = newText.Length - oldText.Length;
        var lineDelta = CountLines(newText.AsSpan(prefix, newText.Length - suffix - prefix)) - CountLines(oldText.AsSpan(prefix, oldText.Length - suffix - prefix));

        // Sections that start before the first difference were scanned identically; the scan resumes
        // at the last of them (its body may hold the change) and stops at the first section start
        // inside the unchanged tail, where the old scan continues, shifted.
        var resume = LastIndexStartingBefore(old, prefix);
        var scanned = new List<ScannedBlock>(old.Count + 4);
        for (var i = 0; i < resume; i++) scanned.Add(old[i].Scan);
        var tailStart = newText.Length - suffix;
        var tail = -1;
        bool StopAt(int offset)
        {
            if (offset < tailStart) return false;
            tail = IndexOfStart(old, offset - delta);
            return tail >= 0;
        }
        var scan = resume < 0
            ? TaskListScanner.Scan(newText, 0, 1, scanned, -1, StopAt)
            : TaskListScanner.Scan(newText, old[resume].Scan.SectionStart, old[resume].Scan.SectionLine, scanned, previous.HeaderEnd, StopAt);
        var rescannedEnd = scanned.Count;
        if (scan.StoppedAt >= 0)
            for (var i = tail; i < old.Count; i++) scanned.Add(old[i].Scan.Moved(lineDelta, delta));
        var firstRescanned = Math.Max(resume, 0);

        var blocks = new ParsedBlock[scanned.Count];
        var lenient = options.IsLenient;
        for (var i = 0; i < firstRescanned; i++) blocks[i] = old[i];
        for (var i = firstRescanned; i < rescannedEnd; i++)
        {
            var s = scanned[i];
            // A rescanned section can still be unchanged, e.g. the one before an insertion.
            var same = s.SectionEnd <= prefix ? IndexOfStart(old, s.SectionStart) : -1;
            blocks[i] = same >= 0 && old[same].Scan == s ? old[same] : PrBlockMapper.Map(newText, path, lenient, s);
        }
        for (var i = rescannedEnd; i < blocks.Length; i++) blocks[i] = old[tail + i - rescannedEnd].Moved(scanned[i], lineDelta, delta, newText);
        var headerEnd = scan.HeaderEnd >= 0 ? scan.HeaderEnd : newText.Length;
        return Assemble(newText, path, options, headerEnd, blocks, TaskListValidator.TryReuse(old, previous.Validated, blocks));
    }

    /// <summary>Index of the last section starting strictly before <paramref name="offset"/>, or -1.</summary>
    private static int LastIndexStartingBefore(IReadOnlyList<ParsedBlock> blocks, int offset)
    {
        int lo = 0, hi = blocks.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (blocks[mid].Scan.SectionStart < offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>Index of the section starting exactly at <paramref name="offset"/>, or -1 (sections are in file order).</summary>
    private static int IndexOfStart(IReadOnlyList<ParsedBlock> blocks, int offset)
    {
        var i = LastIndexStartingBefore(blocks, offset + 1);
        return i >= 0 && blocks[i].Scan.SectionStart == offset ? i : -1;
    }

    private static TaskListDocument Assemble(string text, string? path, TaskListParseOptions options, int headerEnd, ParsedBlock[] blocks,
        TaskListValidator.Result? reused = null)
    {
        var header = TaskListHeaderReader.Read(text.AsSpan(0, headerEnd));
        var validated = reused ?? TaskListValidator.Validate(blocks, path, options.IsLenient);
        var diagnostics = new List<TaskListDiagnostic>(validated.Diagnostics.Count + 8);
        foreach (var b in blocks)
            if (b.Diagnostics.Count > 0) diagnostics.AddRange(b.Diagnostics);
        diagnostics.AddRange(validated.Diagnostics);
        if (blocks.Length == 0)
            diagnostics.Add(new TaskListDiagnostic(path, 1, 1, null, null, "no PRs found",
                "each PR is a '### PR-001: Title' heading followed by a '---' line, its YAML, and another '---' line",
                options.IsLenient ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
        diagnostics.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        var doc = new TaskListDocument(path, text, header, validated, diagnostics, blocks, options, headerEnd);
        if (!options.IsLenient && !doc.IsValid) throw new TaskListException(path, diagnostics, doc);
        return doc;
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        // Compare backwards in vector-sized chunks via SequenceEqual, then finish char by char.
        var n = 0;
        const int chunk = 4096;
        while (n + chunk <= a.Length && a.Slice(a.Length - n - chunk, chunk).SequenceEqual(b.Slice(b.Length - n - chunk, chunk))) n += chunk;
        while (n < a.Length && a[a.Length - 1 - n] == b[b.Length - 1 - n]) n++;
        return n;
    }

    private static int CountLines(ReadOnlySpan<char> s) => s.Count('\n');
}
