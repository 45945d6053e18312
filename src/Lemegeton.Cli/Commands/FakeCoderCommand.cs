using System.Collections;
using System.CommandLine;
using Lemegeton.Agent.Execution;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton fake-coder [--fail] [--fail-first N] [--hang] [--delay 2s]</c>: the deterministic agent command of the demo and tests.</summary>
public sealed class FakeCoderCommand : Command
{
    public FakeCoderCommand(CliEnvironment environment)
        : base("fake-coder", "A deterministic stand-in for a coding tool, as an agent's --exec: appends a line to each of the PR's files "
            + "(LEMEGETON_FILES), commits them on the current branch, exits 0.\nExample: lemegeton fake-coder --delay 2s")
    {
        var fail = new Option<bool>("--fail") { Description = "Exit 1 without changing anything." };
        var failFirst = new Option<int>("--fail-first") { Description = "Fail the first N attempts at each PR, then succeed (counted in .lemegeton/fake-coder/)." };
        var hang = new Option<bool>("--hang") { Description = "Never finish (to test the agent's timeout)." };
        var delay = new Option<string?>("--delay") { Description = "Work this long (e.g. 2s) before committing, reporting progress." };
        Add(fail);
        Add(failFirst);
        Add(hang);
        Add(delay);
        SetAction(async (r, ct) =>
        {
            var options = new FakeCoder.Options
            {
                Fail = r.GetValue(fail),
                FailFirst = r.GetValue(failFirst),
                Hang = r.GetValue(hang),
                Delay = r.GetValue(delay) is { } d ? AgentCommand.ParseDuration("--delay", d) : TimeSpan.Zero,
            };
            var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (DictionaryEntry e in environment.Variables ?? Environment.GetEnvironmentVariables())
                if (e.Key is string k) variables[k] = e.Value as string;
            return await FakeCoder.RunAsync(options, environment.WorkingDirectory, variables, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct);
        });
    }
}
