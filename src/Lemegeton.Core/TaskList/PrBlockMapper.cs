using Lemegeton.Core.States;
using YamlDotNet.Core;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// Turns one scanned PR section into a <see cref="PullRequest"/>: reads its YAML and checks each
/// field (spec §2.2, §2.6), collecting every problem with its line and column in the file.
/// </summary>
internal sealed class PrBlockMapper
{
    private static readonly string ColdList = string.Join(", ", StateNames.ColdNames);
    private static readonly string PriorityList = string.Join(", ", StateNames.PriorityNames);
    private static readonly string ModelList = string.Join(", ", StateNames.ModelNames);
    private static readonly string ActionList = string.Join(", ", StateNames.FileActionNames);

    private readonly string _text;
    private readonly string? _path;
    private readonly bool _lenient;
    private readonly ScannedBlock _block;
    private readonly List<TaskListDiagnostic> _diagnostics = [];
    private string? _prId;
    private bool _fatal;

    private PrBlockMapper(string text, string? path, bool lenient, ScannedBlock block)
    {
        _text = text;
        _path = path;
        _lenient = lenient;
        _block = block;
        _prId = block.HeadingId;
    }

    public static ParsedBlock Map(string text, string? path, bool lenient, ScannedBlock block) =>
        new PrBlockMapper(text, path, lenient, block).Map();

    private ParsedBlock Map()
    {
        var headingPos = new SourcePosition(_block.SectionLine, 1, _block.SectionStart);
        if (!_block.HasYaml)
        {
            Hard(headingPos, null, "heading has no YAML block under it",
                "put a line '---', the PR's YAML (pr_id, title, cold_state, …) and another '---' right under the heading");
            return Result(null, headingPos);
        }
        var openPos = new SourcePosition(_block.OpenLine, 1, _block.SectionStart);
        if (!_block.Closed)
        {
            Hard(openPos, null, "YAML block is never closed", "end the YAML block with a line '---' before the body");
            return Result(null, headingPos);
        }

        YamlNode? root;
        try
        {
            root = YamlBlockReader.Read(_text, _block.YamlStart, _block.YamlEnd);
        }
        catch (YamlException e)
        {
            var at = Pos(e.Start);
            Hard(at, "yaml", "invalid YAML: " + YamlMessage(e), YamlHint(e, at));
            return Result(null, headingPos);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way when the block ends inside an open flow collection.
            Hard(new SourcePosition(_block.YamlLine, 1, _block.YamlStart), "yaml", "invalid YAML: the block ends inside an unclosed '[' or '{'",
                "close every [ and { before the '---' line");
            return Result(null, headingPos);
        }
        if (root is not YamlMapping map)
        {
            Hard(openPos, null, root is null ? "YAML block is empty (only comments or blank lines)" : "YAML block is not a mapping of keys to values",
                "write the PR's keys: pr_id, title, cold_state, priority, complexity, dependencies");
            return Result(null, headingPos);
        }
        return MapPr(map, headingPos);
    }

    private ParsedBlock MapPr(YamlMapping map, SourcePosition headingPos)
    {
        var idPos = headingPos;
        string? id = null;
        var idNode = map.Get("pr_id");
        if (idNode is null || idNode is YamlScalar { IsNull: true })
            Hard(Pos(map.Start), "pr_id", "missing required key", _block.HeadingId is null ? "add 'pr_id: PR-…'" : $"add 'pr_id: {_block.HeadingId}'");
        else if (idNode is not YamlScalar idScalar)
            Hard(Pos(idNode.Start), "pr_id", "must be a string", null);
        else
        {
            id = idScalar.Value.Trim();
            idPos = Pos(idScalar.Start);
            _prId = id;
            if (UnprintableIn(id) is { } bad)
                Hard(idPos, "pr_id", $"contains the control character U+{(int)bad:X4}; a PR id is printed to terminals, graphs and file names",
                    "use letters, digits and '-' only, e.g. PR-012");
            else if (_block.HeadingId is not null && _block.HeadingId != id)
                Soft(idPos, "pr_id", $"'{id}' differs from the heading's id '{_block.HeadingId}'", "make the heading and pr_id agree");
        }

        var title = RequiredString(map, "title") ?? _block.HeadingTitle ?? id ?? "";

        ColdState cold = default;
        var coldSpan = default(TextSpan);
        var coldNode = map.Get("cold_state");
        if (coldNode is null || coldNode is YamlScalar { IsNull: true })
            Hard(Pos(map.Start), "cold_state", "missing required key", "add 'cold_state: new' (or ready, if it has no dependencies)");
        else if (coldNode is not YamlScalar coldScalar || !StateNames.TryParseCold(coldScalar.Value, out cold))
        {
            var v = (coldNode as YamlScalar)?.Value;
            var hint = StateNames.TryParseHot(v, out _)
                ? $"'{v}' is a hot state, held by the hub and never written to the task list; use one of: {ColdList}"
                : $"use one of: {ColdList}";
            Hard(Pos(coldNode.Start), "cold_state", v is null ? "must be a state name" : $"'{v}' is not a cold state", hint);
        }
        else
            coldSpan = new TextSpan(_block.YamlStart + coldScalar.Start.Index, _block.YamlStart + coldScalar.End.Index);

        var priority = Priority.Medium;
        var priorityNode = map.Get("priority");
        if (priorityNode is null || priorityNode is YamlScalar { IsNull: true })
            Soft(Pos(map.Start), "priority", "missing required key", "add 'priority: medium' (critical, high, medium or low)");
        else if (priorityNode is not YamlScalar ps || !StateNames.TryParsePriority(ps.Value, out priority))
        {
            priority = Priority.Medium;
            Soft(Pos(priorityNode.Start), "priority", $"{Describe(priorityNode)} is not a priority", $"use one of: {PriorityList}");
        }

        var complexity = ReadComplexity(map);
        var (deps, depPositions) = ReadDependencies(map);
        var estimated = ReadFiles(map, "estimated_files", descriptionRequired: true);
        var actual = ReadFiles(map, "actual_files", descriptionRequired: false);

        List<KeyValuePair<string, object?>>? unknown = null;
        foreach (var e in map.Entries)
            if (!IsKnownKey(e.Key)) (unknown ??= []).Add(new(e.Key, e.Value.ToPlainValue()));

        if (_fatal || id is null)
            return Result(null, idPos, id) with { UnloadedDependencies = deps, UnloadedDependencyPositions = depPositions };

        var pr = new PullRequest
        {
            Id = id,
            Title = title,
            ColdState = cold,
            Priority = priority,
            Complexity = complexity,
            Dependencies = deps,
            DependencyPositions = depPositions,
            EstimatedFiles = estimated,
            ActualFiles = actual,
            UnknownKeys = unknown is null ? [] : unknown,
            HeadingTitle = _block.HeadingTitle,
            Heading = headingPos,
            Section = new TextSpan(_block.SectionStart, _block.SectionEnd),
            YamlBlock = new TextSpan(_block.YamlStart, _block.YamlEnd),
            IdPosition = idPos,
            ColdStateValue = coldSpan,
        }.WithBodyIn(_text, new TextSpan(_block.BodyStart, _block.SectionEnd));
        return Result(pr, idPos, id);
    }

    /// <summary>
    /// The first character of <paramref name="text"/> that would act on a terminal rather than show:
    /// C0 and C1 controls and DEL (category Cc), format characters such as bidirectional overrides
    /// (Cf), and line and paragraph separators; null when there is none.
    /// </summary>
    internal static char? UnprintableIn(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ') return c;
            if (c < 0x7f) continue;
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
                return c;
        }
        return null;
    }

    private static bool IsKnownKey(string key) => key is "pr_id" or "title" or "cold_state" or "priority" or "complexity"
        or "dependencies" or "estimated_files" or "actual_files";

    private ParsedBlock Result(PullRequest? pr, SourcePosition idPos, string? id = null) =>
        new(_block, id ?? _prId, idPos, pr, _diagnostics.Count == 0 ? [] : _diagnostics.ToArray());

    private string? RequiredString(YamlMapping map, string key)
    {
        var node = map.Get(key);
        if (node is null || node is YamlScalar { IsNull: true })
        {
            Soft(Pos(map.Start), key, "missing required key", key == "title" && _block.HeadingTitle is not null ? $"add 'title: {_block.HeadingTitle}'" : $"add '{key}: <text>'");
            return null;
        }
        if (node is YamlScalar s) return s.Value;
        Soft(Pos(node.Start), key, "must be text, not a list or mapping", null);
        return null;
    }

    private PrComplexity? ReadComplexity(YamlMapping map)
    {
        var node = map.Get("complexity");
        if (node is null || node is YamlScalar { IsNull: true })
        {
            Soft(Pos(map.Start), "complexity", "missing required key", "add a 'complexity:' mapping with score (1-10), estimated_minutes (1-600), suggested_model and rationale");
            return null;
        }
        if (node is not YamlMapping c)
        {
            Soft(Pos(node.Start), "complexity", "must be a mapping with score, estimated_minutes, suggested_model and rationale", null);
            return null;
        }
        var ok = true;
        var score = Number(c, "complexity.score", "score", 1, 10, ref ok);
        var minutes = Number(c, "complexity.estimated_minutes", "estimated_minutes", 1, 600, ref ok);
        ModelTier? model = null;
        var modelNode = c.Get("suggested_model");
        if (modelNode is not null && modelNode is not YamlScalar { IsNull: true })
        {
            if (modelNode is YamlScalar ms && StateNames.TryParseModel(ms.Value, out var m)) model = m;
            else Soft(Pos(modelNode.Start), "complexity.suggested_model", $"{Describe(modelNode)} is not a model", $"use one of: {ModelList}");
        }
        var rationaleNode = c.Get("rationale");
        var rationale = "";
        if (rationaleNode is YamlScalar { IsNull: false } rs) rationale = rs.Value;
        else
        {
            ok = false;
            Soft(Pos(rationaleNode?.Start ?? c.Start), "complexity.rationale", rationaleNode is null ? "missing required key" : "must be text",
                "add 'rationale: <why this score>' under complexity");
        }
        foreach (var e in c.Entries)
            if (e.Key is not ("score" or "estimated_minutes" or "suggested_model" or "rationale"))
                Soft(Pos(e.KeyStart), "complexity." + e.Key, "unknown key", "complexity holds score, estimated_minutes, suggested_model and rationale", warningOnly: true);
        // A complexity with a bad part is dropped in lenient mode (the PR then counts as score 1), so no half-read value is used.
        return ok ? new PrComplexity(score, minutes, model, rationale) : null;
    }

    private int Number(YamlMapping map, string field, string key, int min, int max, ref bool ok)
    {
        var node = map.Get(key);
        if (node is null || node is YamlScalar { IsNull: true })
        {
            ok = false;
            Soft(Pos(node?.Start ?? map.Start), field, "missing required key", $"add '{key}: <{min}-{max}>'");
            return 0;
        }
        if (node is not YamlScalar s || !s.TryGetInt(out var v))
        {
            ok = false;
            Soft(Pos(node.Start), field, $"must be a whole number, got {Describe(node)}",
                "write a bare number; put notes in the rationale or the body");
            return 0;
        }
        if (v < min || v > max)
        {
            ok = false;
            Soft(Pos(node.Start), field, $"must be between {min} and {max}, got {v}", null);
        }
        return v;
    }

    private (IReadOnlyList<string>, IReadOnlyList<SourcePosition>) ReadDependencies(YamlMapping map)
    {
        var node = map.Get("dependencies");
        if (node is null || node is YamlScalar { IsNull: true })
        {
            Soft(Pos(map.Start), "dependencies", "missing required key", "add 'dependencies: []' when the PR depends on nothing");
            return ([], []);
        }
        if (node is not YamlSequence seq)
        {
            Hard(Pos(node.Start), "dependencies", "must be a list of PR ids", "write 'dependencies: [PR-001, PR-002]' or one '- PR-001' line per id");
            return ([], []);
        }
        if (seq.Items.Count == 0) return ([], []);
        var ids = new List<string>(seq.Items.Count);
        var positions = new List<SourcePosition>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            if (item is YamlScalar { IsNull: false } s)
            {
                // An empty string is tolerated (spec §2.2) and means nothing.
                if (s.Value.Length == 0) continue;
                ids.Add(s.Value);
                positions.Add(Pos(s.Start));
            }
            else if (item is YamlScalar) continue;
            else Hard(Pos(item.Start), $"dependencies[{i}]", "must be a PR id", null);
        }
        return (ids, positions);
    }

    private IReadOnlyList<PrFile> ReadFiles(YamlMapping map, string key, bool descriptionRequired)
    {
        var node = map.Get(key);
        if (node is null || node is YamlScalar { IsNull: true }) return [];
        if (node is not YamlSequence seq)
        {
            Soft(Pos(node.Start), key, "must be a list of {path, action, description} entries", null);
            return [];
        }
        if (seq.Items.Count == 0) return [];
        var files = new List<PrFile>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            // Only built when there is something to report.
            string Field(string? sub = null) => $"{key}[{i}]{sub}";
            if (seq.Items[i] is not YamlMapping m)
            {
                Soft(Pos(seq.Items[i].Start), Field(), "must be a mapping with path, action and description", null);
                continue;
            }
            var entryOk = true;
            string? path = null;
            var pathNode = m.Get("path");
            if (pathNode is YamlScalar { IsNull: false } ps && ps.Value.Length > 0)
            {
                path = ps.Value;
                var problem = PathProblem(path);
                if (problem is not null)
                {
                    entryOk = false;
                    Soft(Pos(ps.Start), Field(".path"), $"'{path}' {problem}", "write the path relative to the repository root, e.g. src/Widgets/Widget.cs");
                }
            }
            else
            {
                entryOk = false;
                Soft(Pos(pathNode?.Start ?? m.Start), Field(".path"), pathNode is null ? "missing required key" : "must be a file path", null);
            }

            var action = FileAction.Modify;
            var actionNode = m.Get("action");
            if (actionNode is not YamlScalar { IsNull: false } acs || !StateNames.TryParseFileAction(acs.Value, out action))
            {
                // In lenient mode the entry is kept as 'modify': the file is still claimed, so the scheduler still sees the conflict.
                action = FileAction.Modify;
                Soft(Pos(actionNode?.Start ?? m.Start), Field(".action"),
                    actionNode is null ? "missing required key" : $"{Describe(actionNode)} is not a file action", $"use one of: {ActionList}");
            }

            string? description = null;
            var descNode = m.Get("description");
            if (descNode is YamlScalar { IsNull: false } ds) description = ds.Value;
            else if (descriptionRequired || descNode is not null)
                Soft(Pos(descNode?.Start ?? m.Start), Field(".description"), descNode is null ? "missing required key" : "must be text",
                    "add 'description: <what changes in this file>'");

            int? added = null, removed = null;
            if (m.Get("lines_added") is YamlScalar la && la.TryGetInt(out var a)) added = a;
            if (m.Get("lines_removed") is YamlScalar lr && lr.TryGetInt(out var r)) removed = r;
            if (path is not null && entryOk) files.Add(new PrFile(path, action, description, added, removed));
        }
        return files;
    }

    private static string? PathProblem(string path)
    {
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])))
            return "is an absolute path";
        var rest = path.AsSpan();
        while (true)
        {
            var cut = rest.IndexOfAny('/', '\\');
            var part = cut < 0 ? rest : rest[..cut];
            if (part.SequenceEqual("..")) return "leaves the repository ('..')";
            if (cut < 0) return null;
            rest = rest[(cut + 1)..];
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar s => $"'{s.Value}'",
        YamlSequence => "a list",
        _ => "a mapping",
    };

    private static string YamlMessage(YamlException e)
    {
        // YamlDotNet prefixes "(Line: 1, Col: 2, Idx: 3) - (Line: …): "; the diagnostic carries the position already.
        var m = e.Message;
        var cut = m.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && m.StartsWith("(Line", StringComparison.Ordinal) ? m[(cut + 3)..] : m;
    }

    private string YamlHint(YamlException e, SourcePosition at)
    {
        if (e.Message.EndsWith(YamlBlockReader.TooDeep, StringComparison.Ordinal))
            return "a PR needs a few levels at most; put long or structured notes in the PR's body";
        var lineText = LineText(at.Offset);
        if (e.Message.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase) || lineText.Contains(": ", StringComparison.Ordinal))
            return "a value containing ': ' must be quoted, e.g. key: \"text: more\"";
        return "check indentation, and quote values that start with a special character ([, {, *, &, !, |, >, ', \", %, @, `)";
    }

    private string LineText(int offset)
    {
        if (offset < 0 || offset > _text.Length) return "";
        var start = offset == 0 ? 0 : _text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var end = _text.IndexOf('\n', offset);
        return _text[start..(end < 0 ? _text.Length : end)];
    }

    private SourcePosition Pos(YamlMark mark) => new(_block.YamlLine + mark.Line - 1, mark.Column, _block.YamlStart + mark.Index);

    private SourcePosition Pos(Mark mark) => new(_block.YamlLine + (int)mark.Line - 1, (int)mark.Column, _block.YamlStart + (int)mark.Index);

    /// <summary>A problem that keeps the PR from loading in any mode.</summary>
    private void Hard(SourcePosition at, string? field, string message, string? hint)
    {
        _fatal = true;
        _diagnostics.Add(new TaskListDiagnostic(_path, at.Line, at.Column, _prId, field, message, hint));
    }

    /// <summary>An error in strict mode, a warning in lenient mode (the field falls back to its default).</summary>
    private void Soft(SourcePosition at, string field, string message, string? hint, bool warningOnly = false) =>
        _diagnostics.Add(new TaskListDiagnostic(_path, at.Line, at.Column, _prId, field, message, hint,
            _lenient || warningOnly ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error));
}
