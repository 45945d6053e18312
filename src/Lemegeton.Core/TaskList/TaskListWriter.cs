using Lemegeton.Core.States;

namespace Lemegeton.Core.TaskList;

/// <summary>
/// Rewrites a task list in place. Only the characters of the value that changes are replaced, so
/// every other byte (comments, flow lists, quoting, line endings, bodies) stays as it was —
/// unlike the TypeScript reference, which re-dumped the whole YAML block (spec §15-A.4).
/// </summary>
public static class TaskListWriter
{
    /// <summary>Returns <paramref name="text"/> with PR <paramref name="prId"/>'s <c>cold_state</c> set to <paramref name="newState"/>.</summary>
    /// <param name="text">The text <paramref name="doc"/> was parsed from.</param>
    /// <exception cref="KeyNotFoundException">The PR is not in the document.</exception>
    /// <exception cref="InvalidOperationException">The text no longer matches the document at that PR.</exception>
    public static string SetColdState(string text, TaskListDocument doc, string prId, ColdState newState)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(doc);
        if (!doc.TryGet(prId, out var pr))
            throw new KeyNotFoundException($"PR {prId} is not in the task list{(doc.Path is null ? "" : " " + doc.Path)}");
        var section = pr.Section;
        if (section.End > text.Length || (!ReferenceEquals(text, doc.Text)
            && !text.AsSpan(section.Start, section.Length).SequenceEqual(doc.Text.AsSpan(section.Start, section.Length))))
            throw new InvalidOperationException($"the task list text changed at {prId} since it was parsed; parse it again before writing");

        var span = pr.ColdStateValue;
        var old = text.AsSpan(span.Start, span.Length);
        var quote = old.Length >= 2 && (old[0] == '"' || old[0] == '\'') && old[^1] == old[0] ? old[0] : '\0';
        var name = newState.ToWire();
        var replacement = quote == '\0' ? name : quote + name + quote;
        if (old.SequenceEqual(replacement)) return text;
        return string.Concat(text.AsSpan(0, span.Start), replacement, text.AsSpan(span.End));
    }
}
