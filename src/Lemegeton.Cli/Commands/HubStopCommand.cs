using System.CommandLine;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton hub stop [--timeout 45s]</c>: SIGTERM, wait for the graceful shutdown, SIGKILL after the timeout.</summary>
public sealed class HubStopCommand : Command
{
    public HubStopCommand(CliEnvironment environment)
        : base("stop", "Stop the hub of this repository gracefully (SIGTERM), killing it (SIGKILL) if it is still running after --timeout. "
            + "Exit 3 when no hub runs, 5 when it had to be killed.")
    {
        var timeout = TimeoutOption();
        Add(timeout);
        SetAction(result =>
        {
            var settings = HubCommandSettings.Load(result, environment);
            if (settings is null) return HubExitCodes.BadConfiguration;
            var stop = Stop(settings, result.GetValue(timeout));
            (stop.ExitCode == HubExitCodes.Success ? result.InvocationConfiguration.Output : result.InvocationConfiguration.Error).WriteLine(stop.Message);
            return stop.ExitCode;
        });
    }

    /// <summary><c>--timeout</c>: overrides <c>hub.stop-timeout</c>; a number of seconds or a duration (<c>500ms</c>, <c>2m</c>).</summary>
    internal static Option<TimeSpan?> TimeoutOption() => new("--timeout")
    {
        Description = "How long to wait after SIGTERM before SIGKILL, e.g. 30s or 2m (default: hub.stop-timeout).",
        HelpName = "duration",
        CustomParser = token =>
        {
            var text = token.Tokens.Count > 0 ? token.Tokens[0].Value : "";
            if (Hocon.HoconDuration.TryParseWithUnit(text, out var duration) && duration > TimeSpan.Zero) return duration;
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                return TimeSpan.FromSeconds(seconds);
            token.AddError($"--timeout: '{text}' is not a duration; write e.g. 30s, 500ms or 2m.");
            return null;
        },
    };

    internal static HubStopResult Stop(HubCommandSettings settings, TimeSpan? timeout) =>
        HubStopper.StopAsync(settings.Paths, timeout ?? settings.Hub.StopTimeout).GetAwaiter().GetResult();
}
