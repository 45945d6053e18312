using Lemegeton.Core.Scheduling;
using Lemegeton.Core.TaskList;
using Lemegeton.Hocon;
using Lemegeton.Hocon.Configuration;
using Lemegeton.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

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

    /// <summary>Binds a section (given in HOCON spelling, e.g. <c>journal.file</c>) to an Options class; unknown keys are errors.</summary>
    public T Bind<T>(string hoconPath) where T : new() =>
        Configuration.GetSection(Key(hoconPath)).Get<T>(o => o.ErrorOnUnknownConfiguration = true) ?? new T();

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
