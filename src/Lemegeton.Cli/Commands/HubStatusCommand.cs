using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton hub status [--json]</c>: asks the running hub through its admin API.</summary>
public sealed class HubStatusCommand : Command
{
    public HubStatusCommand(CliEnvironment environment)
        : base("status", "Show the running hub of this repository (asks its admin API). Exit 3 when no hub runs.")
    {
        var json = TaskListOptions.JsonOption();
        Add(json);
        SetAction(result =>
        {
            var settings = HubCommandSettings.Load(result, environment);
            if (settings is null) return HubExitCodes.BadConfiguration;
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var status = HubLauncher.TryStatusAsync(settings.Paths).GetAwaiter().GetResult();
            if (status is null)
            {
                if (HubInstanceLock.RunningPid(settings.Paths) is { } p)
                {
                    error.WriteLine($"the hub (pid {p}) runs but does not answer on {settings.Paths.AdminSocket}; it may still be starting or be stuck (see {settings.LogDirectory})");
                    return HubExitCodes.Failure;
                }

                error.WriteLine($"{HubStopper.NotRunningMessage(settings.Paths)} (no answer on {settings.Paths.AdminSocket}); start one with 'lemegeton hub start'");
                return HubExitCodes.NotRunning;
            }

            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(status, HubAdminJsonContext.Default.HubStatus));
                return HubExitCodes.Success;
            }

            var c = status.Counts;
            output.WriteLine($"hub {status.State}: pid {status.Pid}, version {status.Version}");
            output.WriteLine($"  repository:   {status.Repository}");
            output.WriteLine($"  uptime:       {TimeSpan.FromSeconds(Math.Floor(status.UptimeSeconds)).ToString("c", CultureInfo.InvariantCulture)} (since {status.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm:ss})");
            output.WriteLine($"  mode:         {status.Mode}");
            output.WriteLine($"  agents:       {c.Agents} ({c.WorkingAgents} working); PRs in flight: {c.PrsInFlight}; leases: {c.Leases}");
            output.WriteLine($"  reloads:      {status.ReloadCount}");
            output.WriteLine($"  admin socket: {status.AdminSocket}");
            output.WriteLine($"  logs:         {status.LogDirectory}");
            return HubExitCodes.Success;
        });
    }
}
