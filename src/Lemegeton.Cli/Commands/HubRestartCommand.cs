using System.CommandLine;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton hub restart [--timeout 45s]</c>: <c>hub stop</c> (when one runs), then <c>hub start</c> in the background.</summary>
public sealed class HubRestartCommand : Command
{
    public HubRestartCommand(CliEnvironment environment)
        : base("restart", "Stop the hub of this repository (if one runs) and start it again in the background.")
    {
        var timeout = HubStopCommand.TimeoutOption();
        Add(timeout);
        SetAction(result =>
        {
            var settings = HubCommandSettings.Load(result, environment);
            if (settings is null) return HubExitCodes.BadConfiguration;
            var output = result.InvocationConfiguration.Output;
            var stop = HubStopCommand.Stop(settings, result.GetValue(timeout));
            if (stop.ExitCode != HubExitCodes.NotRunning) (stop.ExitCode == HubExitCodes.Success ? output : result.InvocationConfiguration.Error).WriteLine(stop.Message);
            var start = HubStartCommand.StartInBackground(result, environment, settings);
            (start.Started ? output : result.InvocationConfiguration.Error).WriteLine(start.Message);
            return start.ExitCode;
        });
    }
}
