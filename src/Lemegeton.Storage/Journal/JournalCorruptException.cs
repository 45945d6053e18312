namespace Lemegeton.Storage.Journal;

/// <summary>A file-journal segment is damaged somewhere other than its tail.</summary>
public sealed class JournalCorruptException(string path, int line, string detail)
    : Exception($"{path}:{line}: {detail}. Only the last segment's tail is repaired automatically; move this segment and the later ones aside to start from the events before it.")
{
    public string Path { get; } = path;
    public int Line { get; } = line;
}
