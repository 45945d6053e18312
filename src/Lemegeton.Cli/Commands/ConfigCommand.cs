using System.CommandLine;
using System.Text.Json;
using Lemegeton.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton config show [--json]</c>: the effective configuration after all layers.</summary>
public sealed class ConfigCommand : Command
{
    public ConfigCommand(CliEnvironment environment)
        : base("config", "Show the effective configuration: hocon/reference.conf, then .lemegeton/lemegeton.conf, then LEMEGETON__… variables, then --set flags.")
    {
        var show = new Command("show", "Print every configuration key under lemegeton with its effective value (keys as the Options classes bind them), then every key of the akka section (as Akka reads them, dashes kept).");
        var json = TaskListOptions.JsonOption();
        show.Add(json);
        show.SetAction(result =>
        {
            var settings = GlobalOptions.LoadSettings(result, environment);
            if (settings is null) return 2;
            var output = result.InvocationConfiguration.Output;
            var values = settings.Configuration.GetSection(LemegetonConfiguration.RootSection).AsEnumerable()
                .Where(kv => kv.Value is not null)
                .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .ToArray();
            var akka = settings.Akka.Entries.Select(e => KeyValuePair.Create(e.DisplayPath, (string?)e.DisplayValue)).ToArray();
            if (result.GetValue(json))
            {
                var map = values.Concat(akka).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
                output.WriteLine(JsonSerializer.Serialize(map, CliJsonContext.Default.DictionaryStringString));
                return 0;
            }
            output.WriteLine("# repository: " + TerminalText.Escape(settings.RepositoryRoot));
            var projectFile = LemegetonConfiguration.ProjectFilePath(settings.RepositoryRoot);
            output.WriteLine($"# project file: {TerminalText.Escape(projectFile)}{(File.Exists(projectFile) ? "" : " (absent)")}");
            foreach (var (key, value) in values) output.WriteLine(TerminalText.Escape($"{key} = {value}"));
            output.WriteLine("# akka: handed to Akka.NET as written (paths keep their dashes; --set akka.…=value overrides)");
            foreach (var (key, value) in akka) output.WriteLine(TerminalText.Escape($"{key} = {value}"));
            return 0;
        });
        Add(show);
    }
}
