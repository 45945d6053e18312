using Lemegeton.Core.Scheduling;
using Lemegeton.Core.TaskList;
using Lemegeton.Hocon;
using Lemegeton.Hocon.Configuration;
using Lemegeton.Hosting.Configuration;
using Lemegeton.Storage.Git;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Leases;
using Lemegeton.Storage.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Lemegeton.Cli.Configuration;

/// <summary>
/// The product's configuration as the commands see it: reference.conf, then the project's
/// <c>.lemegeton/lemegeton.conf</c>, then <c>LEMEGETON__…</c> environment variables, then
/// <c>--set key=value</c> flags (see docs/configuration.md), bound to the real Options classes.
/// </summary>
public sealed class ProductSettings
{
    // The typed sections are read here, once, so that a bad value fails Load with its key named
    // rather than surfacing later inside whichever command first asks for it.
    private ProductSettings(IConfigurationRoot configuration, string repositoryRoot)
    {
        Configuration = configuration;
        RepositoryRoot = repositoryRoot;
        TaskList = ReadTaskList();
        Scheduler = ReadScheduler();
        Leases = Bind<LeaseOptions>("leases");
        Redis = Bind<RedisOptions>("redis");
        Journal = Bind<JournalOptions>("journal");
        Git = Bind<GitMirrorOptions>("git");
        var failures = new List<string>();
        Collect(ProductValidators.TaskList.Validate(null, TaskList), failures);
        Collect(ProductValidators.Scheduler.Validate(null, Scheduler), failures);
        Collect(ProductValidators.Leases.Validate(null, Leases), failures);
        Collect(ProductValidators.Redis.Validate(null, Redis), failures);
        Collect(ProductValidators.Journal.Validate(null, Journal), failures);
        Collect(ProductValidators.Git.Validate(null, Git), failures);
        if (failures.Count > 0) throw new ConfigurationException(string.Join(Environment.NewLine, failures));
    }

    private static void Collect(ValidateOptionsResult result, List<string> failures)
    {
        if (result.Failed) failures.AddRange(result.Failures ?? []);
    }

    /// <summary>The layered configuration; every product key is under <c>lemegeton:</c>.</summary>
    public IConfigurationRoot Configuration { get; }

    /// <summary>The root of the git repository around the working directory (the working directory outside one).</summary>
    public string RepositoryRoot { get; }

    /// <summary><c>lemegeton.task-list.path</c>, relative to the repository root.</summary>
    public string TaskListPath => Configuration[Key("task-list.path")] ?? Commands.TaskListOptions.DefaultRelativePath;

    /// <summary>How the task list is parsed, from <c>lemegeton.task-list.*</c>.</summary>
    public TaskListParseOptions TaskList { get; }

    /// <summary>The scheduler's options, from <c>lemegeton.scheduler.*</c>.</summary>
    public SchedulerOptions Scheduler { get; }

    /// <summary>The effective <c>akka</c> section (reference.conf, project file, <c>--set akka.…</c> flags), keys with their dashes.</summary>
    public AkkaConfiguration Akka { get; private init; } = null!;
    /// <summary>The lease options, from <c>lemegeton.leases.*</c>, validated.</summary>
    public LeaseOptions Leases { get; }

    /// <summary>The Redis options, from <c>lemegeton.redis.*</c>, validated.</summary>
    public RedisOptions Redis { get; }

    /// <summary>The journal options, from <c>lemegeton.journal.*</c>, validated.</summary>
    public JournalOptions Journal { get; }

    /// <summary>The git mirror options, from <c>lemegeton.git.*</c>, validated.</summary>
    public GitMirrorOptions Git { get; }

    /// <summary>Binds a section (given in HOCON spelling, e.g. <c>journal.file</c>) to an Options class; unknown keys are errors.</summary>
    /// <exception cref="ConfigurationException">A value does not convert to its property's type; the message names the key.</exception>
    public T Bind<T>(string hoconPath) where T : new()
    {
        try
        {
            return Configuration.GetSection(Key(hoconPath)).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException(BindFailure(hoconPath, e), e);
        }
    }

    /// <summary>
    /// The binder says "Failed to convert configuration value 'x' at 'lemegeton:leases:DefaultTtl' to
    /// type 'System.TimeSpan'."; this says "lemegeton.leases.default-ttl: 'x' is not a duration (…)".
    /// </summary>
    private static string BindFailure(string hoconPath, InvalidOperationException e)
    {
        var m = System.Text.RegularExpressions.Regex.Match(e.Message, "value '(?<value>.*)' at '(?<path>[^']*)' to type '(?<type>[^']*)'");
        if (!m.Success) return $"lemegeton.{hoconPath}: {e.Message}";
        var key = KnownConfigurationKeys.Reference.Find(m.Groups["path"].Value) ?? m.Groups["path"].Value.Replace(':', '.');
        var type = Type.GetType(m.Groups["type"].Value)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(m.Groups["type"].Value)).FirstOrDefault(t => t is not null);
        var expected = type switch
        {
            _ when type == typeof(TimeSpan) => "a duration (e.g. 500ms, 30s, 5m, 1h)",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(bool) => "true or false",
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
            _ => $"a {m.Groups["type"].Value}",
        };
        return $"{key}: '{m.Groups["value"].Value}' is not {expected}";
    }

    /// <summary>
    /// Loads the layers for the repository around <paramref name="workingDirectory"/>.
    /// <paramref name="overrides"/> are <c>key=value</c> flags (<c>lemegeton.</c> may be omitted).
    /// </summary>
    /// <exception cref="ConfigurationException">A file, variable or flag is invalid; the message says which and where.</exception>
    public static ProductSettings Load(string workingDirectory, IEnumerable<string> overrides, System.Collections.IDictionary? environment = null)
    {
        var root = RepositoryLocator.FindRoot(workingDirectory);
        var flags = new List<KeyValuePair<string, string?>>();
        var akkaFlags = new List<string>();
        foreach (var raw in overrides)
        {
            if (AkkaConfiguration.IsAkkaAssignment(raw)) { akkaFlags.Add(raw); continue; }
            var text = raw.StartsWith(LemegetonConfiguration.RootSection + ".", StringComparison.OrdinalIgnoreCase) ? raw : $"{LemegetonConfiguration.RootSection}.{raw}";
            try { flags.Add(LemegetonConfiguration.ParseOverride(text)); }
            catch (FormatException e) { throw new ConfigurationException($"--set {raw}: {e.Message}", e); }
        }
        try
        {
            var configuration = LemegetonConfiguration.Build(root, flags, environment);
            return new ProductSettings(configuration, root) { Akka = LoadAkka(root, akkaFlags, environment) };
        }
        catch (HoconException e)
        {
            throw new ConfigurationException(e.Message, e);
        }
        catch (ConfigurationKeyException e)
        {
            throw new ConfigurationException(e.Message, e);
        }
    }

    private static AkkaConfiguration LoadAkka(string root, List<string> akkaFlags, System.Collections.IDictionary? environment)
    {
        try { return AkkaConfiguration.From(LemegetonConfiguration.LoadHocon(root, environment), akkaFlags); }
        catch (FormatException e) { throw new ConfigurationException(e.Message, e); }
    }

    private TaskListParseOptions ReadTaskList()
    {
        var defaults = TaskListParseOptions.Strict;
        return new TaskListParseOptions
        {
            Mode = Read("task-list.mode", defaults.Mode, ParseMode),
            ParallelThreshold = Read("task-list.parallel-threshold", defaults.ParallelThreshold, int.Parse),
        };
    }

    private SchedulerOptions ReadScheduler()
    {
        var defaults = new SchedulerOptions();
        var order = Configuration.GetSection(Key("scheduler.order")).GetChildren()
            .OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue)
            .Select(c => ParseOrderKey(c.Value, c.Path))
            .ToArray();
        return new SchedulerOptions
        {
            MaxParallelPrs = Read("scheduler.max-parallel-prs", defaults.MaxParallelPrs, int.Parse),
            Order = order.Length > 0 ? order : defaults.Order,
            Strategy = Read("scheduler.strategy", defaults.Strategy, ParseStrategy),
        };
    }

    private static string Key(string hoconPath) => HoconConfigurationKey.From($"{LemegetonConfiguration.RootSection}.{hoconPath}");

    private T Read<T>(string hoconPath, T fallback, Func<string, T> parse)
    {
        var key = Key(hoconPath);
        var value = Configuration[key];
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        try { return parse(value.Trim()); }
        catch (FormatException e) { throw new ConfigurationException($"lemegeton.{hoconPath}: {e.Message}", e); }
        catch (OverflowException e) { throw new ConfigurationException($"lemegeton.{hoconPath}: {e.Message}", e); }
    }

    private static TaskListValidationMode ParseMode(string value) => value.ToLowerInvariant() switch
    {
        "strict" => TaskListValidationMode.Strict,
        "lenient" => TaskListValidationMode.Lenient,
        _ => throw new FormatException($"'{value}' is not a task-list mode; use strict or lenient."),
    };

    private static AssignmentStrategy ParseStrategy(string value) =>
        AssignmentStrategyNames.TryParse(value, out var strategy)
            ? strategy
            : throw new FormatException($"'{value}' is not a strategy; use capability_matched, first_available, load_balanced or round_robin.");

    private static OrderKey ParseOrderKey(string? value, string path) => value?.Trim().ToLowerInvariant() switch
    {
        "priority" => OrderKey.Priority,
        "complexity" => OrderKey.Complexity,
        "estimated-minutes" or "estimated_minutes" => OrderKey.EstimatedMinutes,
        "id" => OrderKey.Id,
        _ => throw new ConfigurationException($"{path.Replace(':', '.')}: '{value}' is not an order key; use priority, complexity, estimated-minutes or id."),
    };
}
