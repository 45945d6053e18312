using System.Text;

namespace Lemegeton.Storage.Git;

/// <summary>
/// Reads the newest entries of a ref's reflog (<c>logs/&lt;ref&gt;</c>, one line per update:
/// <c>old new committer time tz\tmessage</c>) from the end of the file, so the cost does not grow
/// with the reflog's length (libgit2's reflog API parses the whole file).
/// </summary>
internal static class ReflogTail
{
    private const int TailBytes = 16 * 1024;

    /// <summary>
    /// The old value recorded by the newest update of <paramref name="refName"/> to
    /// <paramref name="newId"/> (hex), or null when the tail of the reflog has no such entry or there is no reflog.
    /// </summary>
    public static string? OldValueOfUpdateTo(string gitDir, string refName, string newId)
    {
        var path = Path.Combine(refName == "HEAD" ? gitDir : GitDirectories.CommonDir(gitDir), "logs", refName);
        if (!File.Exists(path)) return null;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = (int)Math.Min(file.Length, TailBytes);
        file.Seek(-length, SeekOrigin.End);
        var buffer = new byte[length];
        file.ReadExactly(buffer);
        var lines = Encoding.UTF8.GetString(buffer).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The first line may be cut by the tail window unless the window holds the whole file.
        var first = length == file.Length ? 0 : 1;
        for (var i = lines.Length - 1; i >= first; i--)
        {
            var fields = lines[i].Split(' ', 3);
            if (fields.Length == 3 && fields[1] == newId) return fields[0];
        }
        return null;
    }
}
