using System.Diagnostics;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Tests.Infrastructure;

namespace Lemegeton.Hub.Tests.Daemon;

public sealed class HubInstanceLockTests
{
    [Fact]
    public void The_lock_writes_a_private_pid_file_and_releasing_it_removes_the_file()
    {
        using var repo = new TempRepository();

        var attempt = HubInstanceLock.TryAcquire(repo.Paths);
        Assert.True(attempt.Acquired);
        using (attempt.Lock)
        {
            Assert.Equal(Environment.ProcessId, HubInstanceLock.ReadPid(repo.Paths.PidFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(repo.Paths.PidFile));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(repo.Paths.LockFile));
            Assert.True(HubInstanceLock.IsHeld(repo.Paths));
            Assert.Null(attempt.Lock!.StalePid);
        }

        Assert.False(File.Exists(repo.Paths.PidFile));
        Assert.False(HubInstanceLock.IsHeld(repo.Paths));
        Assert.Null(HubInstanceLock.RunningPid(repo.Paths));
    }

    [Fact]
    public void A_second_attempt_while_the_lock_is_held_fails_and_names_the_holder()
    {
        using var repo = new TempRepository();
        using var first = HubInstanceLock.TryAcquire(repo.Paths).Lock;
        Assert.NotNull(first);

        // flock is per open file: a second open in the same process conflicts like another process would.
        var second = HubInstanceLock.TryAcquire(repo.Paths, settle: TimeSpan.FromMilliseconds(100));

        Assert.False(second.Acquired);
        Assert.Equal(Environment.ProcessId, second.RunningPid);
        Assert.Equal(Environment.ProcessId, HubInstanceLock.ReadPid(repo.Paths.PidFile));
    }

    [Fact]
    public void A_pid_file_without_a_lock_holder_is_stale_and_replaced()
    {
        using var repo = new TempRepository();
        var dead = DeadPid();
        Directory.CreateDirectory(repo.Paths.StateDirectory);
        File.WriteAllText(repo.Paths.PidFile, $"{dead}\n");
        Assert.Null(HubInstanceLock.RunningPid(repo.Paths));

        using var attempt = HubInstanceLock.TryAcquire(repo.Paths).Lock;

        Assert.NotNull(attempt);
        Assert.Equal(dead, attempt.StalePid);
        Assert.Equal(Environment.ProcessId, HubInstanceLock.ReadPid(repo.Paths.PidFile));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12")]          // partial write: no newline yet
    [InlineData("abc\n")]
    [InlineData("-5\n")]
    public void A_partial_or_malformed_pid_file_reads_as_no_pid(string text)
    {
        using var repo = new TempRepository();
        Directory.CreateDirectory(repo.Paths.StateDirectory);
        File.WriteAllText(repo.Paths.PidFile, text);

        Assert.Null(HubInstanceLock.ReadPid(repo.Paths.PidFile));
    }

    /// <summary>The PID of a process that has exited (and been reaped).</summary>
    internal static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }
}
