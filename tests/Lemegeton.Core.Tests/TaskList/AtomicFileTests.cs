using Lemegeton.Core.TaskList;

namespace Lemegeton.Core.Tests.TaskList;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Writes_and_replaces_without_leaving_temp_files()
    {
        var path = Path.Combine(_dir, "task-list.md");
        AtomicFile.WriteAllText(path, "one\r\n");
        AtomicFile.WriteAllText(path, "two ✓\n");
        Assert.Equal("two ✓\n", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void A_failed_write_leaves_the_target_and_no_temp_file()
    {
        var path = Path.Combine(_dir, "target");
        Directory.CreateDirectory(path); // a directory in the way makes the rename fail
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllText(path, "x"));
        Assert.Empty(Directory.GetFiles(_dir));
        Assert.True(Directory.Exists(path));
    }
}
