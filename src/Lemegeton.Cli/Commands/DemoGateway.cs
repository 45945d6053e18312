using System.Text.RegularExpressions;
using Lemegeton.Hub.Daemon;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// The demo's gateway (the live dashboard): started in the background with this same executable's
/// <c>lemegeton gateway start</c> in the demo repository, stopped with <c>lemegeton gateway stop</c>.
/// The gateway is optional to the hub, so a gateway that does not start is reported, not fatal.
/// </summary>
public static partial class DemoGateway
{
    /// <summary>The <c>--set</c> that lets the gateway pick a free port when the configured one is taken.</summary>
    public static readonly IReadOnlyList<string> FreePort = [GlobalOptions.SetName, "lemegeton.gateway.port=0"];

    /// <summary>
    /// Starts the gateway and returns the dashboard's URL (ending in <c>/</c>), or null with the reason it
    /// did not start. When the configured port is in use it tries once more on a free port, and says so in <c>Note</c>.
    /// </summary>
    public static async Task<(Uri? Dashboard, string? Note)> StartAsync(HubExecutable lemegeton, string root, IReadOnlyList<string> settings, TimeSpan bound)
    {
        var start = await DemoHub.RunAsync(lemegeton, root, ["gateway", "start", .. settings], bound).ConfigureAwait(false);
        string? note = null;
        if (start.ExitCode != 0 && start.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            note = $"the gateway's port is in use ({FirstLine(start.Output)}); it runs on a free port instead";
            start = await DemoHub.RunAsync(lemegeton, root, ["gateway", "start", .. settings, .. FreePort], bound).ConfigureAwait(false);
        }
        if (start.ExitCode != 0) return (null, $"the gateway did not start (exit {start.ExitCode}): {FirstLine(start.Output)}");
        return DashboardLine().Match(start.Output) is { Success: true } m && Uri.TryCreate(m.Groups[1].Value.TrimEnd('/') + "/", UriKind.Absolute, out var url)
            ? (url, note)
            : (null, $"the gateway started but did not say its URL: {FirstLine(start.Output)}");
    }

    /// <summary>Stops the gateway; returns what to tell the user.</summary>
    public static async Task<string> StopAsync(HubExecutable lemegeton, string root, IReadOnlyList<string> settings, TimeSpan bound)
    {
        var stop = await DemoHub.RunAsync(lemegeton, root, ["gateway", "stop", .. settings], bound).ConfigureAwait(false);
        return stop.ExitCode == 0 ? "gateway stopped." : $"gateway stop: {stop.Output}";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim().TrimEnd('.');

    [GeneratedRegex(@"dashboard:\s+(\S+)")]
    private static partial Regex DashboardLine();
}
