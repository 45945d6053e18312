using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// <c>lemegeton demo [--dir D] [--agents N] [--keep] [--timeout 5m]</c>: a sample repository, a hub with N
/// fake-coder agents, the gateway (dashboard), live progress, one agent killed mid-PR, and a summary. See docs/demo.md.
/// <c>--set</c> flags are passed on to the hub and gateway commands it runs.
/// </summary>
public sealed class DemoCommand : Command
{
    public const int MaxAgents = 16;

    public DemoCommand()
        : base("demo", "Run the whole system on a sample 20-PR task list: a hub, fake-coder agents, the live dashboard, progress, one agent killed mid-PR, and a summary.\nExample: lemegeton demo --agents 4 --keep")
    {
        var dir = new Option<string>("--dir") { Description = "Create the demo repository here (a new or empty folder). Default: a new temp folder, printed." };
        var agents = new Option<int>("--agents") { Description = $"Fake-coder agents the hub spawns (1–{MaxAgents}).", DefaultValueFactory = _ => 4 };
        var keep = new Option<bool>("--keep") { Description = "Leave the hub, its agents and the gateway running at the end (stop them with 'lemegeton stop' in the folder)." };
        var timeout = new Option<string>("--timeout") { Description = "Fail when the PRs are not all completed within this time, e.g. 90s or 5m.", DefaultValueFactory = _ => "5m" };
        Add(dir);
        Add(agents);
        Add(keep);
        Add(timeout);
        SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var count = result.GetValue(agents);
            if (count is < 1 or > MaxAgents)
            {
                error.WriteLine($"--agents: {count} is out of range; give 1 to {MaxAgents}.");
                return 2;
            }
            if (!TryParseDuration(result.GetValue(timeout), out var bound))
            {
                error.WriteLine($"--timeout: '{TerminalText.Escape(result.GetValue(timeout))}' is not a duration; write e.g. 90s, 5m or 1h.");
                return 2;
            }
            var live = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            var options = new DemoOptions(result.GetValue(dir), count, result.GetValue(keep), bound, live)
            {
                Settings = [.. GatewayCommandSettings.SetArguments(result)],
            };
            return await new DemoRun(options, output, error).RunAsync(cancellationToken).ConfigureAwait(false);
        });
    }

    internal static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var unit = text[^1];
        var number = char.IsAsciiDigit(unit) ? text : text[..^1];
        if (!double.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0) return false;
        switch (unit)
        {
            case 's' or >= '0' and <= '9': duration = TimeSpan.FromSeconds(value); return true;
            case 'm': duration = TimeSpan.FromMinutes(value); return true;
            case 'h': duration = TimeSpan.FromHours(value); return true;
            default: return false;
        }
    }
}
