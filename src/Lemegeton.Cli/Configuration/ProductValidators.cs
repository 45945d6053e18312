using Lemegeton.Core.Scheduling;
using Lemegeton.Core.TaskList;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Cli.Configuration;

/// <summary>
/// The allowed values of every Options class the product binds, checked when the configuration
/// loads (<see cref="ProductSettings.Load"/>, the CLI's ValidateOnStart), so a bad value stops every
/// command with its key and range instead of failing later inside one. Ranges are wide: they refuse
/// what cannot work (zero, negative, absurd), not what is merely unusual.
/// </summary>
public static class ProductValidators
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan S = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Min = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan H = TimeSpan.FromHours(1);
    private static readonly TimeSpan D = TimeSpan.FromDays(1);

    public static RuleValidator<TaskListParseOptions> TaskList { get; } = new(
        OptionsRule<TaskListParseOptions>.Range("lemegeton.task-list.parallel-threshold", o => o.ParallelThreshold, 1, 1_000_000));

    public static RuleValidator<SchedulerOptions> Scheduler { get; } = new(
        OptionsRule<SchedulerOptions>.Range("lemegeton.scheduler.max-parallel-prs", o => o.MaxParallelPrs, 1, 1000));

    public static RuleValidator<LeaseOptions> Leases { get; } = new(
        OptionsRule<LeaseOptions>.Range("lemegeton.leases.default-ttl", o => o.DefaultTtl, S, D),
        OptionsRule<LeaseOptions>.Range("lemegeton.leases.max-files-per-request", o => o.MaxFilesPerRequest, 1, 100_000));

    public static RuleValidator<RedisOptions> Redis { get; } = new(
        new OptionsRule<RedisOptions>("lemegeton.redis.url", o =>
            o.Url is null || RedisConnectionSettings.TryParse(o.Url, out _, out var error) ? null : error),
        OptionsRule<RedisOptions>.NotBlank("lemegeton.redis.server-executable", o => o.ServerExecutable),
        OptionsRule<RedisOptions>.Range("lemegeton.redis.health.interval", o => o.Health.Interval, 10 * Ms, H),
        OptionsRule<RedisOptions>.Range("lemegeton.redis.health.timeout", o => o.Health.Timeout, Ms, 5 * Min),
        OptionsRule<RedisOptions>.Range("lemegeton.redis.health.failure-threshold", o => o.Health.FailureThreshold, 1, 1000),
        OptionsRule<RedisOptions>.Range("lemegeton.redis.health.degraded-latency", o => o.Health.DegradedLatency, Ms, Min));

    public static RuleValidator<JournalOptions> Journal { get; } = new(
        OptionsRule<JournalOptions>.Range("lemegeton.journal.snapshot-every", o => o.SnapshotEvery, 1, 100_000_000),
        OptionsRule<JournalOptions>.Range("lemegeton.journal.file.fsync-interval", o => o.File.FsyncInterval, Ms, H),
        OptionsRule<JournalOptions>.Range("lemegeton.journal.file.segment-max-bytes", o => o.File.SegmentMaxBytes, 64 * 1024, 64L * 1024 * 1024 * 1024),
        OptionsRule<JournalOptions>.Range("lemegeton.journal.file.max-batch", o => o.File.MaxBatch, 1, 100_000));

    public static RuleValidator<GitMirrorOptions> Git { get; } = new(
        OptionsRule<GitMirrorOptions>.NotBlank("lemegeton.git.author-name", o => o.AuthorName),
        OptionsRule<GitMirrorOptions>.NotBlank("lemegeton.git.author-email", o => o.AuthorEmail),
        OptionsRule<GitMirrorOptions>.Range("lemegeton.git.busy-retry-interval", o => o.BusyRetryInterval, 10 * Ms, H),
        OptionsRule<GitMirrorOptions>.Range("lemegeton.git.busy-max-wait", o => o.BusyMaxWait, TimeSpan.Zero, 7 * D));
}
