using System.CommandLine;
using Lemegeton.Cli.Commands;
using Lemegeton.Cli.Configuration;

namespace Lemegeton.Cli;

/// <summary>Options every command accepts, and the configuration they produce.</summary>
public static class GlobalOptions
{
    public const string SetName = "--set";

    /// <summary><c>--set key=value</c>, repeatable: the highest-precedence configuration layer.</summary>
    public static Option<string[]> CreateSet() => new(SetName)
    {
        Description = "Override a configuration key for this run, e.g. --set scheduler.max-parallel-prs=4 "
            + "(keys as in hocon/reference.conf, 'lemegeton.' optional; beats .lemegeton/lemegeton.conf and LEMEGETON__… variables). Repeatable.",
        HelpName = "key=value",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Loads the configuration for this invocation; on error writes it and returns null (the command exits 2).</summary>
    public static ProductSettings? LoadSettings(ParseResult result, CliEnvironment environment)
    {
        try
        {
            return ProductSettings.Load(environment.WorkingDirectory, result.GetValue<string[]>(SetName) ?? [], environment.Variables);
        }
        catch (ConfigurationException e)
        {
            TerminalText.WriteLines(result.InvocationConfiguration.Error, "configuration: ", e.Message);
            return null;
        }
    }
}
