using Lemegeton.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Tests;

/// <summary>reference.conf parses with our reader and binds to Options-shaped classes.</summary>
public sealed class ReferenceConfTests
{
    private sealed class Root
    {
        public TaskListSection TaskList { get; set; } = new();
        public SchedulerSection Scheduler { get; set; } = new();
        public LeasesSection Leases { get; set; } = new();
        public RedisSection Redis { get; set; } = new();
        public JournalSection Journal { get; set; } = new();
        public GitSection Git { get; set; } = new();
        public HubSection Hub { get; set; } = new();
        public CoordinationSection Coordination { get; set; } = new();
        public ActorsSection Actors { get; set; } = new();
        public LoggingSection Logging { get; set; } = new();
    }

    private enum ParseMode { Strict, Lenient }

    private sealed class TaskListSection { public string Path { get; set; } = ""; public ParseMode ParseMode { get; set; } = ParseMode.Lenient; }

    private sealed class SchedulerSection
    {
        public int MaxParallelPrs { get; set; }
        public string Ordering { get; set; } = "";
        public string Strategy { get; set; } = "";
        public int MaxAssignmentsPerAgent { get; set; }
        public TimeSpan MinAssignmentInterval { get; set; }
    }

    private sealed class LeasesSection
    {
        public TimeSpan Ttl { get; set; }
        public double RenewFraction { get; set; }
        public TimeSpan Grace { get; set; }
        public int MaxFilesPerRequest { get; set; }
        public bool PairedTestFiles { get; set; }
        public bool PairedExistenceCheck { get; set; }
    }

    private sealed class RedisSection
    {
        public string? Url { get; set; } = "unset";
        public string KeyPrefix { get; set; } = "";
        public TimeSpan ConnectTimeout { get; set; }
        public EmbeddedSection Embedded { get; set; } = new();
        public HealthSection Health { get; set; } = new();
    }

    private sealed class EmbeddedSection { public string Binary { get; set; } = ""; public string DataDir { get; set; } = ""; public string Appendfsync { get; set; } = ""; public TimeSpan StartupTimeout { get; set; } }

    private sealed class HealthSection { public TimeSpan Interval { get; set; } public TimeSpan Timeout { get; set; } public int FailureThreshold { get; set; } public TimeSpan DegradedLatency { get; set; } }

    private sealed class JournalSection { public int SnapshotEvery { get; set; } public GroupCommitSection GroupCommit { get; set; } = new(); public FileSection File { get; set; } = new(); }

    private sealed class GroupCommitSection { public int MaxBatch { get; set; } public TimeSpan MaxDelay { get; set; } }

    private sealed class FileSection { public string Dir { get; set; } = ""; public long SegmentSize { get; set; } public string Fsync { get; set; } = ""; }

    private sealed class GitSection { public string AuthorName { get; set; } = ""; public string AuthorEmail { get; set; } = ""; public TimeSpan CommandTimeout { get; set; } public TimeSpan BusyRetry { get; set; } }

    private sealed class HubSection
    {
        public TimeSpan HeartbeatInterval { get; set; }
        public TimeSpan HeartbeatTimeout { get; set; }
        public string AgentListen { get; set; } = "";
        public string AdminSocket { get; set; } = "";
        public string PidFile { get; set; } = "";
        public TimeSpan ShutdownTimeout { get; set; }
    }

    private sealed class CoordinationSection { public TimeSpan Cooldown { get; set; } }

    private sealed class ActorsSection { public int Throughput { get; set; } public int DefaultMailboxCapacity { get; set; } = -1; public TimeSpan AskTimeout { get; set; } public ShutdownSection Shutdown { get; set; } = new(); }

    private sealed class ShutdownSection { public TimeSpan PhaseTimeout { get; set; } }

    private sealed class LoggingSection { public string Level { get; set; } = ""; public string File { get; set; } = ""; public long FileSizeLimit { get; set; } public int RetainedFiles { get; set; } }

    [Fact]
    public void Reference_conf_is_embedded_and_parses()
    {
        var root = HoconParser.Parse(LemegetonConfiguration.ReadReferenceConf(), LemegetonConfiguration.ReferenceResourceName, Hocon.Options());

        Assert.Equal(TimeSpan.FromSeconds(300), root.GetDuration("lemegeton.leases.ttl"));
        Assert.Equal(64L * 1024 * 1024, root.GetBytes("lemegeton.journal.file.segment-size"));
    }

    [Fact]
    public void Every_reference_key_has_a_comment_line_above_it()
    {
        // The contract of reference.conf: each default states its trade-off on the line(s) above.
        var lines = LemegetonConfiguration.ReadReferenceConf().Split('\n');
        var previous = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var isField = line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('}') && line.Contains('=', StringComparison.Ordinal);
            if (isField)
            {
                Assert.True(previous.StartsWith('#'), $"reference.conf: '{line}' has no comment above it");
            }

            if (line.Length > 0)
            {
                previous = line;
            }
        }
    }

    [Fact]
    public void Reference_conf_binds_every_default()
    {
        using var project = new TempDirectory();
        var config = LemegetonConfiguration.Build(project.Path, environment: new System.Collections.Hashtable());

        var o = config.GetSection(LemegetonConfiguration.RootSection).Get<Root>(b => b.ErrorOnUnknownConfiguration = true)!;

        Assert.Equal("docs/task-list.md", o.TaskList.Path);
        Assert.Equal(ParseMode.Strict, o.TaskList.ParseMode);
        Assert.Equal(10, o.Scheduler.MaxParallelPrs);
        Assert.Equal("priority,complexity,id", o.Scheduler.Ordering);
        Assert.Equal("capability_matched", o.Scheduler.Strategy);
        Assert.Equal(3, o.Scheduler.MaxAssignmentsPerAgent);
        Assert.Equal(TimeSpan.FromSeconds(1), o.Scheduler.MinAssignmentInterval);
        Assert.Equal(TimeSpan.FromSeconds(300), o.Leases.Ttl);
        Assert.Equal(0.333, o.Leases.RenewFraction);
        Assert.Equal(TimeSpan.FromSeconds(30), o.Leases.Grace);
        Assert.Equal(100, o.Leases.MaxFilesPerRequest);
        Assert.True(o.Leases.PairedTestFiles);
        Assert.True(o.Leases.PairedExistenceCheck);
        Assert.Equal("", o.Redis.Url);
        Assert.Equal("lemegeton", o.Redis.KeyPrefix);
        Assert.Equal(TimeSpan.FromSeconds(5), o.Redis.ConnectTimeout);
        Assert.Equal("redis-server", o.Redis.Embedded.Binary);
        Assert.Equal(".lemegeton/redis", o.Redis.Embedded.DataDir);
        Assert.Equal("everysec", o.Redis.Embedded.Appendfsync);
        Assert.Equal(TimeSpan.FromSeconds(10), o.Redis.Embedded.StartupTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), o.Redis.Health.Interval);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Redis.Health.Timeout);
        Assert.Equal(3, o.Redis.Health.FailureThreshold);
        Assert.Equal(TimeSpan.FromMilliseconds(100), o.Redis.Health.DegradedLatency);
        Assert.Equal(1000, o.Journal.SnapshotEvery);
        Assert.Equal(512, o.Journal.GroupCommit.MaxBatch);
        Assert.Equal(TimeSpan.FromMilliseconds(2), o.Journal.GroupCommit.MaxDelay);
        Assert.Equal(".lemegeton/journal", o.Journal.File.Dir);
        Assert.Equal(64L * 1024 * 1024, o.Journal.File.SegmentSize);
        Assert.Equal("batch", o.Journal.File.Fsync);
        Assert.Equal("Lemegeton Hub", o.Git.AuthorName);
        Assert.Equal("hub@lemegeton.local", o.Git.AuthorEmail);
        Assert.Equal(TimeSpan.FromSeconds(30), o.Git.CommandTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Git.BusyRetry);
        Assert.Equal(TimeSpan.FromSeconds(1), o.Hub.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), o.Hub.HeartbeatTimeout);
        Assert.Equal("127.0.0.1:7420", o.Hub.AgentListen);
        Assert.Equal(".lemegeton/hub.sock", o.Hub.AdminSocket);
        Assert.Equal(".lemegeton/hub.pid", o.Hub.PidFile);
        Assert.Equal(TimeSpan.FromSeconds(30), o.Hub.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), o.Coordination.Cooldown);
        Assert.Equal(30, o.Actors.Throughput);
        Assert.Equal(0, o.Actors.DefaultMailboxCapacity);
        Assert.Equal(TimeSpan.FromSeconds(5), o.Actors.AskTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), o.Actors.Shutdown.PhaseTimeout);
        Assert.Equal("Information", o.Logging.Level);
        Assert.Equal(".lemegeton/hub.log", o.Logging.File);
        Assert.Equal(10L * 1024 * 1024, o.Logging.FileSizeLimit);
        Assert.Equal(5, o.Logging.RetainedFiles);
    }
}
