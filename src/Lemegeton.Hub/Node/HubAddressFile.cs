using Lemegeton.Hub.Daemon;

namespace Lemegeton.Hub.Node;

/// <summary>
/// <c>.lemegeton/hub.address</c>: the running hub's cluster address (<c>akka.tcp://lemegeton@host:port</c>
/// and a newline), mode 0600, written atomically once the actor system is up, so agents started in the
/// repository find the hub without configuration. Removed when the hub stops.
/// </summary>
public static class HubAddressFile
{
    public static string PathOf(HubPaths paths) => Path.Combine(paths.StateDirectory, "hub.address");

    public static void Write(HubPaths paths, string address)
    {
        var target = PathOf(paths);
        var temporary = target + ".tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = Posix.PrivateFile,
        }))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(address);
            writer.Write('\n');
        }

        File.SetUnixFileMode(temporary, Posix.PrivateFile);
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The address written by a hub, or null when there is no file.</summary>
    public static string? Read(HubPaths paths)
    {
        try { return File.ReadAllText(PathOf(paths)).Trim() is { Length: > 0 } text ? text : null; }
        catch (FileNotFoundException) { return null; }
        catch (DirectoryNotFoundException) { return null; }
    }

    public static void Remove(HubPaths paths)
    {
        try { File.Delete(PathOf(paths)); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
