using System.Text;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Storage.Git;

/// <summary>
/// The task list as bytes (a blob or the working file): parsed as UTF-8 after an optional BOM, and
/// rewritten by splicing the bytes of one <c>cold_state</c> value, so every other byte — BOM, CRLF,
/// trailing spaces, a missing final newline — is exactly what the user wrote.
/// </summary>
internal static class TaskListBytes
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses the bytes (lenient: problems are in the document's diagnostics).</summary>
    /// <exception cref="GitMirrorException">The bytes are not UTF-8; the message names the file and byte.</exception>
    public static TaskListDocument Parse(byte[] bytes, string path) => Parse(bytes, path, out _);

    /// <summary>
    /// Returns the bytes with PR <paramref name="prId"/>'s <c>cold_state</c> set to <paramref name="to"/>
    /// (the same array when it already has that state). With <paramref name="onlyIfValue"/>, returns
    /// null instead when the PR is missing or its value is not exactly that text (the user changed it).
    /// </summary>
    /// <param name="oldValue">The value's text before the change, quotes included.</param>
    /// <exception cref="KeyNotFoundException">No <paramref name="onlyIfValue"/> and the PR is not in the file.</exception>
    /// <exception cref="GitMirrorException">Not UTF-8, or no <paramref name="onlyIfValue"/> and the PR has no valid cold_state.</exception>
    public static byte[]? SetColdState(byte[] bytes, string path, string prId, ColdState to, string? onlyIfValue, out string oldValue)
    {
        var doc = Parse(bytes, path, out var bomLength);
        var text = doc.Text;
        oldValue = "";
        if (!doc.TryGet(prId, out var pr))
        {
            if (onlyIfValue is not null) return null;
            // Lenient parsing leaves a PR with a hard error out of the document: name the error, not "no such PR".
            if (doc.Diagnostics.FirstOrDefault(d => d.IsError && d.PrId == prId) is { } problem)
                throw new GitMirrorException($"{problem.Headline}; fix the task list and commit it before {prId} can change state.");
            throw new KeyNotFoundException($"PR {prId} is not in the task list {path}");
        }
        var span = pr.ColdStateValue;
        if (span.Length == 0)
            return onlyIfValue is null
                ? throw new GitMirrorException($"{path}: {prId} has no valid cold_state to set (line {pr.Heading.Line}); fix the task list and commit it.")
                : null;
        oldValue = text.Substring(span.Start, span.Length);
        if (onlyIfValue is not null && oldValue != onlyIfValue) return null;
        var updated = TaskListWriter.SetColdState(text, doc, prId, to);
        if (ReferenceEquals(updated, text) || updated == text) return bytes;

        var replacement = updated.AsSpan(span.Start, updated.Length - text.Length + span.Length);
        var byteStart = bomLength + StrictUtf8.GetByteCount(text.AsSpan(0, span.Start));
        var byteEnd = byteStart + StrictUtf8.GetByteCount(text.AsSpan(span.Start, span.Length));
        var result = new byte[byteStart + StrictUtf8.GetByteCount(replacement) + (bytes.Length - byteEnd)];
        bytes.AsSpan(0, byteStart).CopyTo(result);
        var written = StrictUtf8.GetBytes(replacement, result.AsSpan(byteStart));
        bytes.AsSpan(byteEnd).CopyTo(result.AsSpan(byteStart + written));
        return result;
    }

    private static TaskListDocument Parse(byte[] bytes, string path, out int bomLength)
    {
        bomLength = bytes.AsSpan().StartsWith(Bom) ? Bom.Length : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException ex)
        {
            throw new GitMirrorException($"{path} is not valid UTF-8 (byte {bomLength + Math.Max(ex.Index, 0)}); save it as UTF-8.", ex);
        }
        return TaskListParser.Parse(text, path, TaskListParseOptions.Lenient);
    }
}
