namespace Lemegeton.Hosting.Tests.Infrastructure;

/// <summary>A temporary project folder, optionally with a <c>.lemegeton/lemegeton.conf</c>; deleted on dispose.</summary>
public sealed class TempProject : IDisposable
{
    public TempProject(string? projectConf = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "lemegeton-hosting-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, ".lemegeton"));
        if (projectConf is not null)
        {
            File.WriteAllText(Path.Combine(Directory, ".lemegeton", "lemegeton.conf"), projectConf);
        }
    }

    public string Directory { get; }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
    }
}
