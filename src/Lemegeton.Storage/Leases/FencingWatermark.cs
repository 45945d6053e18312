using System.Globalization;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Storage.Leases;

/// <summary>
/// The durable fencing high-water mark: a small file (0600, written to a temp file, fsynced,
/// renamed, directory fsynced) holding the highest token the hub may hand out. Tokens are reserved
/// in blocks, so the file is written once per block, not once per grant; after a crash the next
/// hub starts above the recorded value, skipping at most one block of unused tokens.
/// </summary>
public sealed class FencingWatermark
{
    private readonly SemaphoreSlim _write = new(1, 1);
    private long _ceiling;

    private FencingWatermark(string path, long ceiling, long block)
    {
        Path = path;
        _ceiling = ceiling;
        Block = block;
        StartCeiling = ceiling;
    }

    public string Path { get; }

    /// <summary>Tokens reserved per write.</summary>
    public long Block { get; }

    /// <summary>The value found in the file when it was opened: every token handed out before is at most this.</summary>
    public long StartCeiling { get; }

    /// <summary>The highest token that may be handed out now (durably recorded).</summary>
    public long Ceiling => Volatile.Read(ref _ceiling);

    /// <summary>
    /// Reads the file (0 when it does not exist yet; its directory is created 0700). A file that
    /// does not hold a non-negative number throws <see cref="InvalidDataException"/> naming it: a
    /// guess could repeat tokens.
    /// </summary>
    public static FencingWatermark Open(string path, long block = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(block, 1);
        var full = System.IO.Path.GetFullPath(path);
        UnixFiles.CreatePrivateDirectory(System.IO.Path.GetDirectoryName(full)!);
        long ceiling = 0;
        if (File.Exists(full))
        {
            var text = File.ReadAllText(full).Trim();
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ceiling))
                throw new InvalidDataException(
                    $"{full}, line 1: the fencing high-water mark '{(text.Length > 40 ? text[..40] + "…" : text)}' is not a non-negative integer. " +
                    "Write a number at least as high as the highest fencing token ever issued (e.g. the current value of the lemegeton:{project}:lease:fencing key, plus a margin) and start again.");
        }
        return new FencingWatermark(full, ceiling, block);
    }

    /// <summary>
    /// Makes sure the ceiling is at least <paramref name="token"/>: when it is not, records
    /// <c>token + Block - 1</c> durably before returning. Concurrent callers share one write.
    /// </summary>
    public async Task ReserveAsync(long token, CancellationToken ct = default)
    {
        if (Ceiling >= token) return;
        await _write.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (Ceiling >= token) return;
            var next = token + Block - 1;
            await Task.Run(() => UnixFiles.WritePrivateFileDurably(Path, next.ToString(CultureInfo.InvariantCulture) + "\n"), ct).ConfigureAwait(false);
            Volatile.Write(ref _ceiling, next);
        }
        finally { _write.Release(); }
    }
}
