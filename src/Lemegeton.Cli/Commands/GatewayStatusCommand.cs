using System.CommandLine;
using System.Globalization;
using Lemegeton.Gateway;
using Lemegeton.Gateway.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton gateway status</c>: asks the running gateway (<c>/api/status</c>).</summary>
public sealed class GatewayStatusCommand : Command
{
    public GatewayStatusCommand(CliEnvironment environment)
        : base("status", "Show the running gateway of this repository: PID, dashboard URL, hub link, browsers, IPC counters. Exit 3 when none runs.\nExample: lemegeton gateway status")
    {
        SetAction(result =>
        {
            var settings = GatewayCommandSettings.Load(result, environment);
            if (settings is null) return GatewayExitCodes.BadConfiguration;
            return Report(settings, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        });
    }

    internal static int Report(GatewayCommandSettings settings, TextWriter output, TextWriter error)
    {
        var status = GatewayControl.TryStatusAsync(settings.Paths).GetAwaiter().GetResult();
        if (status is null)
        {
            if (GatewayInstanceLock.RunningPid(settings.Paths) is { } pid)
            {
                error.WriteLine($"the gateway (pid {pid}) runs but does not answer; it may still be starting or be stuck (see {settings.LogDirectory})");
                return GatewayExitCodes.Failure;
            }
            error.WriteLine($"{GatewayControl.NotRunningMessage(settings.Paths)}; start one with 'lemegeton gateway start'");
            return GatewayExitCodes.NotRunning;
        }

        output.WriteLine($"gateway running: pid {status.Pid}, version {status.Version}");
        output.WriteLine($"  dashboard:  {status.Url}");
        output.WriteLine($"  uptime:     {TimeSpan.FromSeconds(Math.Floor(status.UptimeSeconds)).ToString("c", CultureInfo.InvariantCulture)}");
        output.WriteLine($"  hub:        {(status.HubConnected ? "connected" : "away")}");
        output.WriteLine($"  browsers:   {status.Browsers}");
        output.WriteLine($"  IPC:        {status.Events} events, {status.Duplicates} duplicates ignored, {status.Skipped} bad lines skipped");
        output.WriteLine($"  IPC socket: {status.Socket}");
        return GatewayExitCodes.Success;
    }
}
