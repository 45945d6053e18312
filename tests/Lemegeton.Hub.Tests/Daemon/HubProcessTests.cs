using System.Diagnostics;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lemegeton.Hub.Tests.Daemon;

/// <summary>The real <c>lemegeton hub …</c> executable in temp git repositories: processes, signals, sockets and files.</summary>
[Trait("Category", "Slow")]
public sealed class HubProcessTests(ITestOutputHelper output)
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Start_in_the_background_answers_status_and_stop_removes_the_pid_file_and_socket()
    {
        using var repo = new TempRepository();

        using var start = await LemegetonProcess.RunAsync(repo.Root, "hub", "start");
        Assert.True(start.ExitCode == 0, start.Error);
        var pid = HubInstanceLock.ReadPid(repo.Paths.PidFile);
        Assert.NotNull(pid);
        Assert.Contains($"pid {pid}", start.Output);
        Assert.Contains(repo.Paths.AdminSocket, start.Output);
        Assert.Contains(Path.Combine(repo.LogDirectory, "hub-"), start.Output);
        Assert.Equal(Private, File.GetUnixFileMode(repo.Paths.AdminSocket));
        Assert.Equal(Private, File.GetUnixFileMode(repo.Paths.PidFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(repo.Paths.PrivateRunDirectory));
        // Detached: its own session, so the terminal's Ctrl-C and hang-up do not reach it.
        Assert.NotEqual(Process.GetCurrentProcess().SessionId, Process.GetProcessById(pid.Value).SessionId);

        using var status = await LemegetonProcess.RunAsync(repo.Root, "hub", "status");
        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"hub running: pid {pid}", status.Output);
        Assert.Contains($"repository:   {repo.Root}", status.Output);

        using var stop = await LemegetonProcess.RunAsync(repo.Root, "hub", "stop");
        Assert.True(stop.ExitCode == 0, stop.Error);
        Assert.Contains($"hub stopped (pid {pid})", stop.Output);
        Assert.False(File.Exists(repo.Paths.PidFile));
        Assert.False(File.Exists(repo.Paths.AdminSocket));
        Assert.Contains("Hub", await File.ReadAllTextAsync(Directory.GetFiles(repo.LogDirectory, "hub-*.log").Single()));

        using var again = await LemegetonProcess.RunAsync(repo.Root, "hub", "stop");
        Assert.Equal(HubExitCodes.NotRunning, again.ExitCode);
    }

    [Fact]
    public async Task Two_starts_at_once_run_exactly_one_hub_and_the_other_names_its_pid()
    {
        using var repo = new TempRepository();

        using var a = LemegetonProcess.Start(repo.Root, "hub", "start");
        using var b = LemegetonProcess.Start(repo.Root, "hub", "start");
        await Task.WhenAll(a.WaitForExitAsync(), b.WaitForExitAsync());

        var (winner, loser) = a.ExitCode == 0 ? (a, b) : (b, a);
        Assert.True(winner.ExitCode == 0, $"a: {a.ExitCode} {a.Error} b: {b.ExitCode} {b.Error}");
        Assert.Equal(HubExitCodes.AlreadyRunning, loser.ExitCode);
        var pid = HubInstanceLock.ReadPid(repo.Paths.PidFile);
        Assert.NotNull(pid);
        Assert.Contains($"pid {pid}", winner.Output);
        Assert.Contains($"already running in {repo.Root} (pid {pid})", loser.Error);
        var status = await HubWait.ForStatusAsync(repo.Paths);
        Assert.Equal(pid, status.Pid);

        using var stop = await LemegetonProcess.RunAsync(repo.Root, "hub", "stop");
        Assert.Equal(0, stop.ExitCode);
    }

    [Fact]
    public async Task A_stale_pid_file_of_a_dead_process_is_replaced()
    {
        using var repo = new TempRepository();
        var dead = HubInstanceLockTests.DeadPid();
        Directory.CreateDirectory(repo.Paths.StateDirectory);
        await File.WriteAllTextAsync(repo.Paths.PidFile, $"{dead}\n");
        await File.WriteAllTextAsync(repo.Paths.AdminSocket, "left over by a crash");
        Directory.CreateDirectory(repo.Paths.PrivateRunDirectory);
        File.SetUnixFileMode(repo.Paths.PrivateRunDirectory, (UnixFileMode)0b111_111_111); // loosened by someone: tightened again

        using var start = await LemegetonProcess.RunAsync(repo.Root, "hub", "start");

        Assert.True(start.ExitCode == 0, start.Error);
        var pid = HubInstanceLock.ReadPid(repo.Paths.PidFile);
        Assert.NotEqual(dead, pid);
        Assert.Equal(pid, (await HubWait.ForStatusAsync(repo.Paths)).Pid);
        var log = await File.ReadAllTextAsync(Directory.GetFiles(repo.LogDirectory, "hub-*.log").Single());
        Assert.Contains($"stale PID file left by process {dead}", log);
        Assert.Contains("Removed a stale admin socket", log);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(repo.Paths.PrivateRunDirectory));
        Assert.Equal(Private, File.GetUnixFileMode(repo.Paths.AdminSocket));

        using var stop = await LemegetonProcess.RunAsync(repo.Root, "hub", "stop");
        Assert.Equal(0, stop.ExitCode);
    }

    [Fact]
    public async Task Sigterm_stops_a_foreground_hub_cleanly_and_promptly()
    {
        using var repo = new TempRepository();
        using var hub = LemegetonProcess.Start(repo.Root, "hub", "start", "--foreground");
        var status = await HubWait.ForStatusAsync(repo.Paths);
        Assert.Equal(hub.Process.Id, status.Pid);
        Assert.Contains("ready", hub.Output); // --foreground logs to the console too

        var sent = Stopwatch.GetTimestamp();
        Assert.True(Posix.Signal(hub.Process.Id, Posix.SigTerm));
        await hub.WaitForExitAsync();
        output.WriteLine($"SIGTERM to exit, idle hub: {Stopwatch.GetElapsedTime(sent).TotalMilliseconds:0} ms");

        Assert.Equal(0, hub.ExitCode);
        Assert.False(File.Exists(repo.Paths.PidFile));
        Assert.False(File.Exists(repo.Paths.AdminSocket));
        Assert.Contains("Received SIGTERM: stopping gracefully", hub.Output);
    }

    [Fact]
    public async Task Sigint_stops_a_foreground_hub_gracefully()
    {
        using var repo = new TempRepository();
        using var hub = LemegetonProcess.Start(repo.Root, "hub", "start", "--foreground");
        await HubWait.ForStatusAsync(repo.Paths);

        Assert.True(Posix.Signal(hub.Process.Id, Posix.SigInt));
        await hub.WaitForExitAsync();

        Assert.Equal(0, hub.ExitCode);
        Assert.Contains("Received SIGINT: stopping gracefully", hub.Output);
        Assert.False(File.Exists(repo.Paths.PidFile));
    }

    [Fact]
    public async Task Sighup_counts_a_reload_and_the_hub_keeps_running()
    {
        using var repo = new TempRepository();
        using var hub = LemegetonProcess.Start(repo.Root, "hub", "start", "--foreground");
        Assert.Equal(0, (await HubWait.ForStatusAsync(repo.Paths)).ReloadCount);

        Assert.True(Posix.Signal(hub.Process.Id, Posix.SigHup));
        var status = await HubWait.ForStatusAsync(repo.Paths, s => s.ReloadCount > 0);

        Assert.Equal(1, status.ReloadCount);
        Assert.Equal("running", status.State);
        Assert.False(hub.Process.HasExited);
        Assert.True(Posix.Signal(hub.Process.Id, Posix.SigTerm));
        await hub.WaitForExitAsync();
        Assert.Equal(0, hub.ExitCode);
    }

    [Fact]
    public async Task The_admin_api_shutdown_stops_the_hub()
    {
        using var repo = new TempRepository();
        using var hub = LemegetonProcess.Start(repo.Root, "hub", "start", "--foreground");
        await HubWait.ForStatusAsync(repo.Paths);

        using var client = new HubAdminClient(repo.Paths.AdminSocket);
        var accepted = await client.RequestShutdownAsync();
        await hub.WaitForExitAsync();

        Assert.Equal(hub.Process.Id, accepted.Pid);
        Assert.False(accepted.AlreadyStopping);
        Assert.Equal(0, hub.ExitCode);
        Assert.False(File.Exists(repo.Paths.AdminSocket));
        await Assert.ThrowsAsync<HubNotRunningException>(() => client.GetStatusAsync());
    }

    [Fact]
    public async Task Restart_replaces_the_running_hub()
    {
        using var repo = new TempRepository();
        using var start = await LemegetonProcess.RunAsync(repo.Root, "hub", "start");
        Assert.True(start.ExitCode == 0, start.Error);
        var first = HubInstanceLock.ReadPid(repo.Paths.PidFile);

        using var restart = await LemegetonProcess.RunAsync(repo.Root, "hub", "restart");

        Assert.True(restart.ExitCode == 0, restart.Error);
        Assert.Contains($"hub stopped (pid {first})", restart.Output);
        var second = (await HubWait.ForStatusAsync(repo.Paths)).Pid;
        Assert.NotEqual(first, second);
        using var stop = await LemegetonProcess.RunAsync(repo.Root, "hub", "stop");
        Assert.Equal(0, stop.ExitCode);
    }

    [Fact]
    public async Task A_bad_hub_setting_is_a_configuration_error_naming_the_key()
    {
        using var repo = new TempRepository();

        using var start = await LemegetonProcess.RunAsync(repo.Root, "hub", "start", "--set", "hub.stop-timeout=1s");

        Assert.Equal(HubExitCodes.BadConfiguration, start.ExitCode);
        Assert.Contains("lemegeton.hub.stop-timeout", start.Error);
        Assert.False(File.Exists(repo.Paths.PidFile));

        using var level = await LemegetonProcess.RunAsync(repo.Root, "hub", "start", "--set", "logging.level=loud");
        Assert.Equal(HubExitCodes.BadConfiguration, level.ExitCode);
        Assert.Contains("lemegeton.logging.level", level.Error);
        Assert.Contains("'loud'", level.Error);
    }

    [Fact]
    public async Task Stop_kills_a_hub_that_does_not_exit_within_the_timeout_and_cleans_up_after_it()
    {
        using var repo = new TempRepository();
        using var start = await LemegetonProcess.RunAsync(repo.Root, "hub", "start");
        Assert.True(start.ExitCode == 0, start.Error);
        var pid = HubInstanceLock.ReadPid(repo.Paths.PidFile)!.Value;
        const int SigStop = 19, SigCont = 18;
        Assert.True(Posix.Signal(pid, SigStop)); // frozen: it can neither answer nor act on SIGTERM

        try
        {
            using var stop = await LemegetonProcess.RunAsync(repo.Root, "hub", "stop", "--timeout", "1s");

            Assert.Equal(HubExitCodes.Killed, stop.ExitCode);
            Assert.Contains($"hub (pid {pid}) did not stop within 1 s of SIGTERM and was killed (SIGKILL)", stop.Error);
            Assert.False(HubInstanceLock.IsHeld(repo.Paths));
            Assert.False(File.Exists(repo.Paths.PidFile));
            Assert.False(File.Exists(repo.Paths.AdminSocket));
            Assert.False(File.Exists(Lemegeton.Hub.Node.HubAddressFile.PathOf(repo.Paths)));
        }
        finally
        {
            Posix.Signal(pid, SigCont);
        }
    }
}
