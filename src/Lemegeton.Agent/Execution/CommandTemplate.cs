using System.Text;

namespace Lemegeton.Agent.Execution;

/// <summary>
/// The <c>--exec</c> template: a <c>/bin/sh</c> command line in which <c>{pr_id}</c>, <c>{title}</c>,
/// <c>{pr_file}</c>, <c>{files}</c>, <c>{branch}</c>, <c>{agent_id}</c> and <c>{fencing_token}</c> are
/// replaced by the assignment's values, each shell-quoted (<c>{files}</c> becomes one quoted word per file),
/// so a title with quotes or <c>$(…)</c> is data, never code. <c>{{</c> and <c>}}</c> write a literal brace;
/// an unknown placeholder is an error that names it.
/// </summary>
public sealed class CommandTemplate
{
    /// <summary>The placeholders a template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["pr_id", "title", "pr_file", "files", "branch", "agent_id", "fencing_token"];

    private readonly List<(string? Literal, string? Placeholder)> _parts;

    private CommandTemplate(string text, List<(string?, string?)> parts)
    {
        Text = text;
        _parts = parts;
    }

    public string Text { get; }

    /// <summary>Parses a template.</summary>
    /// <exception cref="FormatException">An unknown or unclosed placeholder; the message names it and its column.</exception>
    public static CommandTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException("--exec is empty; give the command to run for each PR, e.g. --exec \"lemegeton fake-coder\".");
        var parts = new List<(string?, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < text.Length && text[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c != '{') { literal.Append(c); continue; }
            var close = text.IndexOf('}', i + 1);
            if (close < 0) throw new FormatException($"--exec: '{{' at column {i + 1} is not closed; write {{{{ for a literal brace.");
            var name = text[(i + 1)..close];
            if (!Placeholders.Contains(name, StringComparer.Ordinal))
                throw new FormatException($"--exec: unknown placeholder {{{name}}} at column {i + 1}; known: {string.Join(", ", Placeholders.Select(p => "{" + p + "}"))} (write {{{{ for a literal brace).");
            if (literal.Length > 0) { parts.Add((literal.ToString(), null)); literal.Clear(); }
            parts.Add((null, name));
            i = close;
        }
        if (literal.Length > 0) parts.Add((literal.ToString(), null));
        return new CommandTemplate(text, parts);
    }

    /// <summary>The command line for one assignment.</summary>
    public string Expand(IReadOnlyDictionary<string, string> values, IReadOnlyList<string> files)
    {
        var sb = new StringBuilder();
        foreach (var (literal, placeholder) in _parts)
        {
            if (literal is not null) { sb.Append(literal); continue; }
            if (placeholder == "files") sb.AppendJoin(' ', files.Select(ShellQuote.Quote));
            else sb.Append(ShellQuote.Quote(values.TryGetValue(placeholder!, out var v) ? v : ""));
        }
        return sb.ToString();
    }
}
