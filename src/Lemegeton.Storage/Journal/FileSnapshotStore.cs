using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Storage.Journal;

/// <summary>
/// The hot state's latest snapshot as <c>snapshot.json</c> in a directory, replaced atomically
/// (written beside, then renamed). An unreadable snapshot is reported and ignored: the whole
/// journal is replayed instead.
/// </summary>
public sealed partial class FileSnapshotStore(string directory, ILogger<FileSnapshotStore> logger) : ISnapshotStore
{
    private readonly string _path = Path.Combine(Path.GetFullPath(directory), "snapshot.json");

    public async Task SaveAsync(JournalSnapshot snapshot, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var json = JsonSerializer.Serialize(new SnapshotFile(snapshot.Seq, snapshot.Time, snapshot.State), StorageJsonContext.Default.SnapshotFile);
        var temp = _path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var fs = new FileStream(temp, options))
        {
            await fs.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json), ct).ConfigureAwait(false);
            fs.Flush(flushToDisk: true);
        }
        File.Move(temp, _path, overwrite: true);
    }

    public async Task<JournalSnapshot?> LoadAsync(CancellationToken ct = default)
    {
        if (!File.Exists(_path)) return null;
        var text = await File.ReadAllTextAsync(_path, ct).ConfigureAwait(false);
        try
        {
            var s = JsonSerializer.Deserialize(text, StorageJsonContext.Default.SnapshotFile);
            return s is null ? null : new JournalSnapshot(s.Seq, s.Time, s.State);
        }
        catch (JsonException ex)
        {
            LogBadSnapshot(logger, _path, ex.Message);
            return null;
        }
    }

    internal sealed record SnapshotFile(long Seq, DateTimeOffset Time, JsonElement State);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Snapshot {Path} is unreadable ({Reason}): replaying the whole journal instead")]
    private static partial void LogBadSnapshot(ILogger logger, string path, string reason);
}
