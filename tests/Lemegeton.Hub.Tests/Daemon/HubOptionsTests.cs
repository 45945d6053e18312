using Lemegeton.Hub.Daemon;
using Microsoft.Extensions.Logging;

namespace Lemegeton.Hub.Tests.Daemon;

public sealed class HubOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new HubOptions().Validate());
        Assert.Empty(new LoggingOptions().Validate());
    }

    [Fact]
    public void Each_problem_names_its_key()
    {
        var hub = new HubOptions { ReadyTimeout = TimeSpan.Zero, StopTimeout = TimeSpan.FromSeconds(10), WorkingAgentsGrace = TimeSpan.FromMinutes(5) };
        var logging = new LoggingOptions { Level = (LogLevel)42, Format = "xml", RetainedFiles = 0, FileSizeLimit = 10 };

        var hubErrors = string.Join("\n", hub.Validate());
        var loggingErrors = string.Join("\n", logging.Validate());

        Assert.Contains("lemegeton.hub.ready-timeout:", hubErrors);
        Assert.Contains("lemegeton.hub.stop-timeout:", hubErrors);
        Assert.Contains("lemegeton.hub.working-agents-grace:", hubErrors);
        Assert.Contains("lemegeton.logging.level:", loggingErrors);
        Assert.Contains("lemegeton.logging.format: 'xml'", loggingErrors);
        Assert.Contains("lemegeton.logging.retained-files:", loggingErrors);
        Assert.Contains("lemegeton.logging.file-size-limit:", loggingErrors);
    }
}
