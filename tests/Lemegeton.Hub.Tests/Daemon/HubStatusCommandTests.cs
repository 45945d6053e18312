using Lemegeton.Cli;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Tests.Infrastructure;

namespace Lemegeton.Hub.Tests.Daemon;

/// <summary><c>hub status</c> and <c>hub stop</c> run in-process when no hub is involved.</summary>
public sealed class HubStatusCommandTests
{
    [Fact]
    public void Status_without_a_hub_exits_3_and_says_so()
    {
        using var repo = new TempRepository();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CliApp.Run(["hub", "status"], output, error, new CliEnvironment(repo.Root, new System.Collections.Hashtable()));

        Assert.Equal(HubExitCodes.NotRunning, code);
        Assert.Contains($"no hub is running in {repo.Root}", error.ToString());
        Assert.Contains("lemegeton hub start", error.ToString());
    }

    [Fact]
    public void Stop_with_only_a_stale_pid_file_exits_3_and_signals_nothing()
    {
        using var repo = new TempRepository();
        Directory.CreateDirectory(repo.Paths.StateDirectory);
        // Our own PID: if stop trusted the file without its lock it would signal this test process.
        File.WriteAllText(repo.Paths.PidFile, $"{Environment.ProcessId}\n");
        var error = new StringWriter();

        var code = CliApp.Run(["hub", "stop"], new StringWriter(), error, new CliEnvironment(repo.Root, new System.Collections.Hashtable()));

        Assert.Equal(HubExitCodes.NotRunning, code);
        Assert.Contains("no hub is running", error.ToString());
    }

    [Fact]
    public void A_bad_stop_timeout_names_the_option()
    {
        using var repo = new TempRepository();
        var error = new StringWriter();

        var code = CliApp.Run(["hub", "stop", "--timeout", "soon"], new StringWriter(), error, new CliEnvironment(repo.Root, new System.Collections.Hashtable()));

        Assert.NotEqual(0, code);
        Assert.Contains("--timeout: 'soon' is not a duration", error.ToString());
    }
}
