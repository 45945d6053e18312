using System.Diagnostics;
using System.Text.Json;
using Lemegeton.Cli.Commands;
using Lemegeton.Core.TaskList;
using Lemegeton.Dashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lemegeton.Dashboard.Tests;

/// <summary>
/// The dashboard in real headless Chromium against the real system: <c>lemegeton demo</c> (gateway,
/// hub with the real coordinator, fake-coder agents as processes), and a hub killed under a running
/// gateway. Every process is stopped, even when a test fails (<see cref="LemegetonSystem"/>).
/// </summary>
[Collection(ChromiumCollection.Name)]
[Trait("Category", "Slow")]
public sealed class RealSystemDashboardTests(ChromiumFixture chromium, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Starting = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan TransitionBound = TimeSpan.FromSeconds(1);
    private static readonly string[] DemoPrIds = [.. TaskListParser.Parse(DemoTaskList.Text()).Prs.Select(p => p.Id).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_dashboard_of_a_running_demo_shows_its_prs_and_graph_and_each_transition_within_a_second()
    {
        await using var system = LemegetonSystem.InNewFolder();
        using var demo = LemegetonProcess.Start(Path.GetTempPath(), ["demo", "--dir", system.Root, "--agents", "3", "--keep", "--timeout", "4m", .. LemegetonSystem.FreePorts]);
        await using var page = await chromium.Browser.NewPageAsync();
        try
        {
            // The demo says where its dashboard is before the hub starts.
            var line = await demo.WaitForLineAsync(l => l.StartsWith("dashboard: ", StringComparison.Ordinal), Starting);
            var url = new Uri(line["dashboard: ".Length..].Trim());
            Assert.Equal("127.0.0.1", url.Host);
            Assert.Equal("/", url.AbsolutePath);
            Assert.DoesNotContain("starting the hub", demo.Output[..demo.Output.IndexOf(line, StringComparison.Ordinal)]);

            await page.NavigateAsync(url);
            await page.WaitForAsync($"document.querySelectorAll('#board .pr-card').length === {DemoPrIds.Length}", Starting);
            Assert.Equal(DemoPrIds, await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#board .pr-card')].map(c => c.dataset.pr).sort()"));
            await page.WaitForAsync($"document.querySelectorAll('#graph .node').length === {DemoPrIds.Length}", Patience);
            Assert.Equal(DemoPrIds, await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#graph .node')].map(n => n.dataset.pr).sort()"));
            Assert.True(await page.EvaluateAsync<int>("document.querySelectorAll('#graph path.edge').length") > 0, "the demo's dependencies are drawn");

            var seen = await WatchCompletionsAsync(system, demo, page);
            Assert.True(seen.Count > 0, "no PR was seen turning completed in the hub while the demo ran; demo output:\n" + demo.Output);
            output.WriteLine($"transitions seen on the page after the hub showed them: {string.Join(", ", seen.Select(s => $"{s.Pr} {s.Took.TotalMilliseconds:F0} ms"))}");

            Assert.True(await demo.WaitForExitAsync(TimeSpan.FromMinutes(4)), "the demo did not end; output:\n" + demo.Output);
            Assert.True(demo.Process.ExitCode == 0, $"demo exit {demo.Process.ExitCode}:\n{demo.Output}");
            Assert.Contains("PRs completed:       20/20", demo.Output);
            Assert.Contains($"the hub and the gateway keep running in {system.Root} (dashboard: {url})", demo.Output);
            Assert.Contains("'lemegeton stop", demo.Output);

            // Kept running: the page still follows the hub and shows the whole run.
            await page.WaitForAsync("document.getElementById('progress-text').textContent.includes('100% done (20 of 20)')", Patience);
            Assert.Equal(DemoPrIds, await page.EvaluateAsync<string[]>("[...document.querySelectorAll('#board [data-column=\"completed\"] .pr-card')].map(c => c.dataset.pr).sort()"));
            Assert.Equal("20.0 PRs/h", await Text(page, "#progress-velocity")); // opened before the first PR was done
            Assert.Contains("hub: connected", await Text(page, "#hub-status"));
            Assert.True(await page.EvaluateAsync<int>("document.querySelectorAll('#event-log li.event[data-name=\"pr.transitioned\"]').length") > 0);
            output.WriteLine($"screenshot: {await page.ScreenshotAsync("demo-dashboard")}");
            Assert.True(page.Errors.Count == 0, "browser errors:\n" + string.Join('\n', page.Errors));

            var stop = await system.RunAsync(Starting, "stop");
            Assert.True(stop.ExitCode == 0, stop.Output);
            Assert.Contains("hub stopped", stop.Output);
            Assert.Contains("gateway stopped", stop.Output);
        }
        catch
        {
            await SaveFailureScreenshot(page, "demo-dashboard-failed");
            output.WriteLine("demo output:\n" + demo.Output);
            throw;
        }
    }

    [Fact]
    public async Task A_killed_hub_is_shown_away_by_the_running_gateway_and_recovers_when_the_hub_returns()
    {
        await using var system = LemegetonSystem.InNewFolder();
        Directory.CreateDirectory(system.Root);
        DemoRepository.Create(system.Root, DemoTaskList.Text());
        await using var page = await chromium.Browser.NewPageAsync();
        try
        {
            var start = await system.RunAsync(Starting, "start");
            Assert.True(start.ExitCode == 0, start.Output);
            var url = new Uri(start.Output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("dashboard: ", StringComparison.Ordinal))["dashboard: ".Length..]);
            await page.NavigateAsync(url);
            await page.WaitForAsync($"document.querySelectorAll('#board .pr-card').length === {DemoPrIds.Length} && document.getElementById('hub-banner').hidden", Starting);
            Assert.Contains("hub: connected", await Text(page, "#hub-status"));

            var hubPid = system.HubPid ?? throw new InvalidOperationException("the started hub wrote no PID file");
            using (var hub = Process.GetProcessById(hubPid))
            {
                hub.Kill(); // SIGKILL: no goodbye to the gateway
                await hub.WaitForExitAsync().WaitAsync(Patience);
            }
            var away = await page.WaitForAsync("!document.getElementById('hub-banner').hidden", Patience);
            output.WriteLine($"hub shown away {away.TotalMilliseconds:F0} ms after it was killed");
            Assert.Contains("hub: away", await Text(page, "#hub-status"));
            Assert.Equal(DemoPrIds.Length, await page.EvaluateAsync<int>("document.querySelectorAll('#board .pr-card').length")); // the last known state stays
            Assert.False(await HubConnectedAsync(url), "the gateway stays up and reports the hub away");
            output.WriteLine($"screenshot: {await page.ScreenshotAsync("real-hub-away")}");

            var restart = await system.RunAsync(Starting, "hub", "start");
            Assert.True(restart.ExitCode == 0, restart.Output);
            var back = await page.WaitForAsync("document.getElementById('hub-banner').hidden", Starting);
            output.WriteLine($"hub shown back {back.TotalMilliseconds:F0} ms after 'hub start' returned");
            Assert.Contains("hub: connected", await Text(page, "#hub-status"));
            Assert.True(await HubConnectedAsync(url));
            Assert.Equal(DemoPrIds.Length, await page.EvaluateAsync<int>("document.querySelectorAll('#board .pr-card').length"));
            Assert.True(page.Errors.Count == 0, "browser errors:\n" + string.Join('\n', page.Errors));
        }
        catch
        {
            await SaveFailureScreenshot(page, "real-hub-away-failed");
            throw;
        }
    }

    [Fact]
    public async Task A_demo_whose_dashboard_port_is_taken_runs_its_gateway_on_a_free_port_and_stops_hub_and_gateway_at_the_end()
    {
        await using var system = LemegetonSystem.InNewFolder();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        // The configured dashboard port is taken (the hub's Akka port is a free one, as always in tests).
        using var demo = LemegetonProcess.Start(Path.GetTempPath(),
            ["demo", "--dir", system.Root, "--agents", "2", "--timeout", "4m", "--set", "akka.remote.dot-netty.tcp.port=0", "--set", $"lemegeton.gateway.port={port}"]);
        try
        {
            var line = await demo.WaitForLineAsync(l => l.StartsWith("dashboard: ", StringComparison.Ordinal), Starting);
            var url = new Uri(line["dashboard: ".Length..].Trim());
            Assert.NotEqual(port, url.Port);
            Assert.Contains($"http://127.0.0.1:{port}", demo.Output); // the note names the taken address
            Assert.Contains("it runs on a free port instead", demo.Output);
            using var http = new HttpClient { Timeout = Patience };
            using (var status = await http.GetAsync(new Uri(url, "/api/status")))
                Assert.True(status.IsSuccessStatusCode, $"the gateway answers at the printed URL: {status.StatusCode}");

            Assert.True(await demo.WaitForExitAsync(TimeSpan.FromMinutes(4)), "the demo did not end; output:\n" + demo.Output);
            Assert.True(demo.Process.ExitCode == 0, $"demo exit {demo.Process.ExitCode}:\n{demo.Output}");
            Assert.Contains("hub stopped.", demo.Output);
            Assert.Contains("gateway stopped.", demo.Output);
            Assert.False(File.Exists(system.Hub.PidFile), "the hub's PID file is gone");
            Assert.False(File.Exists(Path.Combine(system.Hub.StateDirectory, "gateway.pid")), "the gateway's PID file is gone");
            await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(url, "/api/status")));
        }
        catch
        {
            output.WriteLine("demo output:\n" + demo.Output);
            throw;
        }
    }

    /// <summary>
    /// Polls the hub's admin API while the demo runs; each time a PR turns completed there, waits for the
    /// page to show it in the completed column, bounded by one second from the moment the hub showed it.
    /// </summary>
    private async Task<List<(string Pr, TimeSpan Took)>> WatchCompletionsAsync(LemegetonSystem system, LemegetonProcess demo, BrowserPage page)
    {
        var seen = new List<(string Pr, TimeSpan Took)>();
        Dictionary<string, string>? before = null;
        var deadline = Stopwatch.StartNew();
        while (seen.Count < 5 && deadline.Elapsed < TimeSpan.FromMinutes(4) && !demo.Process.HasExited)
        {
            Dictionary<string, string> now;
            try
            {
                now = await system.PrStatesAsync();
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50); // the hub is not up yet, or between polls' sockets
                continue;
            }
            var observed = Stopwatch.StartNew();
            if (before is not null)
            {
                foreach (var pr in now.Where(p => p.Value == "completed" && before.TryGetValue(p.Key, out var was) && was != "completed").Select(p => p.Key))
                {
                    var card = $"document.querySelector('#board [data-column=\"completed\"] .pr-card[data-pr=\"{pr}\"]')";
                    try
                    {
                        await page.WaitForAsync(card, TransitionBound - observed.Elapsed);
                    }
                    catch (TimeoutException)
                    {
                        Assert.Fail($"{pr} turned completed in the hub but the page did not show it within {TransitionBound.TotalSeconds} s");
                    }
                    seen.Add((pr, observed.Elapsed));
                }
            }
            if (now.Count > 0 && now.Values.All(v => v == "completed")) break;
            before = now;
            await Task.Delay(50);
        }
        return seen;
    }

    private static async Task<bool> HubConnectedAsync(Uri dashboard)
    {
        using var http = new HttpClient { Timeout = Patience };
        using var status = JsonDocument.Parse(await http.GetStringAsync(new Uri(dashboard, "/api/status")));
        return status.RootElement.GetProperty("hubConnected").GetBoolean();
    }

    private static Task<string> Text(BrowserPage page, string selector) =>
        page.EvaluateAsync<string>($"document.querySelector({JsonSerializer.Serialize(selector)})?.textContent ?? ''");

    private async Task SaveFailureScreenshot(BrowserPage page, string name)
    {
        try { output.WriteLine($"screenshot: {await page.ScreenshotAsync(name)}"); }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException) { output.WriteLine($"no screenshot: {e.Message}"); }
    }
}
