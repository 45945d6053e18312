using System.Globalization;
using System.Text;

namespace Lemegeton.Hub.Gateway;

/// <summary>
/// The link's durable numbering: <c>.lemegeton/state/gateway-link</c> holds the hubId (generated once)
/// and the seq ceiling, the highest seq the link may use. The link reserves seqs in blocks, writing the
/// new ceiling (temporary file, fsync, rename) before using any seq under it, so after a crash or
/// restart numbering resumes above every seq ever sent (skipping at most one block) and never repeats.
/// </summary>
public static class GatewaySeqStore
{
    public const string FileName = "gateway-link";

    /// <summary>Reads the hubId and ceiling; a missing file gives a new hubId and ceiling 0.</summary>
    public static async Task<GatewayLinkLoaded> LoadAsync(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        string text;
        try { text = await File.ReadAllTextAsync(path).ConfigureAwait(false); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new GatewayLinkLoaded("hub-" + Guid.NewGuid().ToString("N")[..12], 0);
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2 || lines[0].Length == 0 || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ceiling))
            throw new InvalidDataException($"{path}: expected two lines, the hubId and the seq ceiling (a whole number); found \"{text.Trim()}\". Fix or delete the file (deleting gives the hub a new hubId).");
        return new GatewayLinkLoaded(lines[0], ceiling);
    }

    /// <summary>Durably writes a new ceiling.</summary>
    public static async Task<GatewaySeqReserved> ReserveAsync(string stateDirectory, string hubId, long ceiling)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var stream = new FileStream(temp, options))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes($"{hubId}\n{ceiling.ToString(CultureInfo.InvariantCulture)}\n")).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        return new GatewaySeqReserved(ceiling);
    }
}
