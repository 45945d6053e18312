using System.Text.Json;
using System.Text.Json.Nodes;
using Lemegeton.Dashboard.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lemegeton.Dashboard.Tests;

/// <summary>
/// The dashboard in real headless Chromium against a server that speaks the gateway contract
/// (<see cref="ContractFeedServer"/>): what it shows, how it follows the feed, and what it sends.
/// </summary>
[Collection(ChromiumCollection.Name)]
[Trait("Category", "Slow")]
public sealed class DashboardTests(ChromiumFixture chromium, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private ContractFeedServer _server = null!;
    private BrowserPage _page = null!;

    public async Task InitializeAsync()
    {
        _server = await ContractFeedServer.StartAsync(SampleState.Create());
        _page = await chromium.Browser.NewPageAsync();
        await _page.NavigateAsync(_server.BaseUrl);
        await _page.WaitForAsync($"document.querySelectorAll('#board .pr-card').length === {SampleState.PrIds.Length}", Patience);
    }

    public async Task DisposeAsync()
    {
        if (_page is not null) await _page.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }

    private async Task SaveScreenshot(string name)
    {
        var path = await _page.ScreenshotAsync(name);
        output.WriteLine($"screenshot: {path}");
    }

    private void AssertNoConsoleErrors() => Assert.True(_page.Errors.Count == 0, "browser errors:\n" + string.Join('\n', _page.Errors));

    private Task<string> Text(string selector) =>
        _page.EvaluateAsync<string>($"document.querySelector({JsonSerializer.Serialize(selector)})?.textContent ?? ''");

    [Fact]
    public async Task Page_shows_every_pr_in_its_state_column_with_agents_leases_mode_and_progress()
    {
        var byColumn = await _page.EvaluateAsync<Dictionary<string, string>>(
            "Object.fromEntries([...document.querySelectorAll('#board .pr-card')].map(c => [c.dataset.pr, c.closest('[data-column]').dataset.column]))");
        Assert.Equal(new Dictionary<string, string>
        {
            ["PR-001"] = "completed", ["PR-002"] = "ready", ["PR-003"] = "in-progress",
            ["PR-004"] = "new", ["PR-005"] = "blocked", ["PR-006"] = "broken",
        }, byColumn);
        await _page.WaitForAsync("document.querySelector('#agents-table tr[data-agent=\"worker-1\"]')", Patience);
        var worker = await Text("#agents-table tr[data-agent='worker-1']");
        Assert.Contains("sonnet", worker);
        Assert.Contains("PR-003", worker);
        Assert.Matches(@"\d+ s ago", worker);
        var lease = await Text("#leases-table tr[data-file='src/shared.cs']");
        Assert.Contains("worker-1", lease);
        Assert.Matches(@"1 min \d+ s", await Text("#leases-table tr[data-file='src/shared.cs'] td.ttl"));
        Assert.Equal("distributed", await Text("#mode-current"));
        Assert.Equal(2, await _page.EvaluateAsync<int>("document.querySelectorAll('#mode-history li').length"));
        Assert.Contains("17% done (1 of 6)", await Text("#progress-text"));
        Assert.Equal("2 h 0 min", await Text("#progress-eta"));
        await SaveScreenshot("dashboard-loaded");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_transition_reaches_the_board_and_the_graph_within_one_second()
    {
        _server.Publish("pr.transitioned", new { prId = "PR-003", from = "in-progress", to = "completed", agentId = "worker-1", reason = "merged" },
            new { prId = "PR-003", agentId = "worker-1", runId = "PR-003#7" });
        var took = await _page.WaitForAsync(
            "document.querySelector('#board [data-column=\"completed\"] .pr-card[data-pr=\"PR-003\"]')" +
            " && document.querySelector('#graph .node[data-pr=\"PR-003\"]').classList.contains('state-completed')",
            TimeSpan.FromSeconds(1));
        output.WriteLine($"transition visible after {took.TotalMilliseconds:F0} ms");
        Assert.Equal(0, await _page.EvaluateAsync<int>("document.querySelectorAll('#board [data-column=\"in-progress\"] .pr-card').length"));
        Assert.Contains("pr.transitioned", await Text("#event-log li.event"));
        Assert.Contains("run PR-003#7", await Text("#event-log li.event")); // correlation context reaches the log
        // A cold transition ends the work: the agent is idle, the PR's leases and its file conflict are gone.
        Assert.Contains("idle", await Text("#agents-table tr[data-agent='worker-1']"));
        Assert.Equal(0, await _page.EvaluateAsync<int>("document.querySelectorAll('#leases-table tr[data-file]').length"));
        Assert.Equal(0, await _page.EvaluateAsync<int>("document.querySelectorAll('#graph path.conflict').length"));
        Assert.Contains("33% done (2 of 6)", await Text("#progress-text"));
        Assert.Equal("3.5 PRs/h", await Text("#progress-velocity")); // the snapshot's 2.5 in the last hour, plus this one

        _server.Publish("pr.assigned", new { prId = "PR-002", agentId = "reviewer-1", fencingToken = 8, hot = "investigating", work = "implement" });
        await _page.WaitForAsync("document.querySelector('#board [data-column=\"investigating\"] .pr-card[data-pr=\"PR-002\"]')", TimeSpan.FromSeconds(1));
        Assert.Contains("PR-002", await Text("#agents-table tr[data-agent='reviewer-1']"));
        await SaveScreenshot("dashboard-after-transitions");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Graph_has_one_node_per_pr_the_dependency_edges_and_file_conflicts()
    {
        await _page.WaitForAsync($"document.querySelectorAll('#graph .node').length === {SampleState.PrIds.Length}", Patience);
        var nodes = await _page.EvaluateAsync<string[]>("[...document.querySelectorAll('#graph .node')].map(n => n.dataset.pr).sort()");
        Assert.Equal(SampleState.PrIds, nodes);
        var edges = await _page.EvaluateAsync<string[][]>("[...document.querySelectorAll('#graph path.edge')].map(e => [e.dataset.from, e.dataset.to])");
        Assert.Equal(SampleState.Dependencies.Select(d => $"{d.From}>{d.To}").Order(), edges.Select(e => $"{e[0]}>{e[1]}").Order());
        // Every dependency is drawn left of what needs it (layers).
        var x = await _page.EvaluateAsync<Dictionary<string, double>>(
            "Object.fromEntries([...document.querySelectorAll('#graph .node')].map(n => [n.dataset.pr, n.transform.baseVal[0].matrix.e]))");
        foreach (var (from, to) in SampleState.Dependencies) Assert.True(x[from] < x[to], $"{from} should be left of {to}");
        // PR-002 and PR-003 share src/shared.cs: one dashed conflict line.
        var conflicts = await _page.EvaluateAsync<string[]>("[...document.querySelectorAll('#graph path.conflict')].map(c => c.dataset.a + '|' + c.dataset.b)");
        Assert.Equal(["PR-002|PR-003"], conflicts);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Layout_breaks_cycles_and_keeps_layers_for_a_larger_graph()
    {
        // The layout module itself, run in the page: 300 PRs in chains with cross links plus one cycle.
        var result = await _page.EvaluateAsync<JsonElement>("""
            import('./graph.js').then(({ layoutDag }) => {
              const prs = [];
              for (let i = 0; i < 300; i++) prs.push({ id: 'P' + String(i).padStart(3, '0'), dependencies: i >= 10 ? ['P' + String(i - 10).padStart(3, '0'), 'P' + String((i * 7) % i).padStart(3, '0')] : [] });
              prs.push({ id: 'C1', dependencies: ['C2'] }, { id: 'C2', dependencies: ['C1'] });
              const l = layoutDag(prs);
              const at = new Map(l.nodes.map(n => [n.id, n]));
              const bad = l.edges.filter(e => !e.back && at.get(e.from).layer >= at.get(e.to).layer).length;
              const overlaps = new Set(l.nodes.map(n => n.x + ',' + n.y)).size !== l.nodes.length;
              return { nodes: l.nodes.length, back: l.edges.filter(e => e.back).length, bad, overlaps };
            })
            """);
        Assert.Equal(302, result.GetProperty("nodes").GetInt32());
        Assert.Equal(1, result.GetProperty("back").GetInt32());
        Assert.Equal(0, result.GetProperty("bad").GetInt32());
        Assert.False(result.GetProperty("overlaps").GetBoolean());
    }

    [Fact]
    public async Task Hub_away_banner_appears_and_goes_when_the_hub_returns()
    {
        Assert.True(await _page.EvaluateAsync<bool>("document.getElementById('hub-banner').hidden"));
        _server.SetHubConnected(false);
        await _page.WaitForAsync("!document.getElementById('hub-banner').hidden", Patience);
        Assert.Contains("hub: away", await Text("#hub-status"));
        await SaveScreenshot("dashboard-hub-away");
        _server.SetHubConnected(true);
        await _page.WaitForAsync("document.getElementById('hub-banner').hidden", Patience);
        Assert.Contains("hub: connected", await Text("#hub-status"));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Pause_is_confirmed_sent_as_a_command_and_its_result_shown()
    {
        await _page.WaitForAsync("!document.getElementById('pause-toggle').disabled", Patience);
        await _page.ClickAsync("#pause-toggle");
        await _page.WaitForAsync("document.getElementById('confirm-dialog').open", Patience);
        Assert.False(_server.Commands.TryRead(out _), "nothing is sent before the operator confirms");
        await _page.ClickAsync("#confirm-ok");
        var command = await _server.Commands.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("command", command["type"]!.GetValue<string>());
        Assert.Equal("pause", command["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(command["id"]!.GetValue<string>()));
        await _page.WaitForAsync("document.querySelector('#command-results li.command.ok')", Patience);
        Assert.Contains("ok", await Text("#command-results li .command-outcome"));
        Assert.Contains("pause", await Text("#command-results li .command-outcome"));
        // scheduling.paused from the hub flips the button to resume.
        await _page.WaitForAsync("document.getElementById('pause-toggle').dataset.command === 'resume'", Patience);
        Assert.Contains("paused", await Text("#scheduling-status"));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_cancel_followed_at_once_by_a_confirm_sends_the_command_once()
    {
        // In one script, so the dialog's close events of both openings are still undelivered when Send is clicked.
        await _page.EvaluateAsync<bool>(
            "(() => { const release = () => document.querySelector(\"#leases-table button.release-lease[data-file='src/shared.cs']\").click();" +
            " release(); document.getElementById('confirm-cancel').click(); release(); document.getElementById('confirm-ok').click(); return true; })()");

        var release = await _server.Commands.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("release-lease", release["name"]!.GetValue<string>());
        // The next command through is the next one sent: no second release-lease came before it.
        await _page.WaitForAsync("!document.getElementById('confirm-dialog').open && !document.querySelector('#command-results li.command.pending')", Patience);
        await _page.ClickAsync("#pause-toggle");
        await _page.WaitForAsync("document.getElementById('confirm-dialog').open", Patience);
        await _page.ClickAsync("#confirm-ok");
        var next = await _server.Commands.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("pause", next["name"]!.GetValue<string>());
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Cancelled_dialog_sends_nothing_and_release_lease_and_requeue_carry_their_args()
    {
        await _page.ClickAsync("#leases-table button.release-lease[data-file='src/shared.cs']");
        await _page.WaitForAsync("document.getElementById('confirm-dialog').open", Patience);
        await _page.ClickAsync("#confirm-cancel");
        await _page.WaitForAsync("!document.getElementById('confirm-dialog').open", Patience);

        await _page.ClickAsync("#leases-table button.release-lease[data-file='src/shared.cs']");
        await _page.WaitForAsync("document.getElementById('confirm-dialog').open", Patience);
        await _page.ClickAsync("#confirm-ok");
        await _page.WaitForAsync("!document.getElementById('confirm-dialog').open", Patience);
        var release = await _server.Commands.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("release-lease", release["name"]!.GetValue<string>());
        Assert.Equal("""{"file":"src/shared.cs"}""", release["args"]!.ToJsonString());

        // The answer re-renders the command list above the board: wait for it, so the next click lands where it was aimed.
        await _page.WaitForAsync("!document.querySelector('#command-results li.command.pending')", Patience);
        _server.CommandHandler = cmd => new JsonObject { ["ok"] = false, ["error"] = "PR-003 is not hot" };
        await _page.ClickAsync("#board .pr-card[data-pr='PR-003'] button.requeue");
        await _page.WaitForAsync("document.getElementById('confirm-dialog').open", Patience);
        await _page.ClickAsync("#confirm-ok");
        var requeue = await _server.Commands.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("requeue", requeue["name"]!.GetValue<string>());
        Assert.Equal("""{"prId":"PR-003"}""", requeue["args"]!.ToJsonString());
        await _page.WaitForAsync("document.querySelector('#command-results li.command.failed')", Patience);
        Assert.Contains("PR-003 is not hot", await Text("#command-results li.command.failed"));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Lease_and_agent_events_update_their_tables()
    {
        _server.Publish("agent.joined", new { agentId = "worker-2", type = "worker", model = "opus", capacity = 1 });
        _server.Publish("lease.granted", new { prId = "PR-002", agentId = "worker-2", files = new[] { "src/parser.cs" }, fencingToken = 9, expiresAt = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds() });
        _server.Publish("lease.released", new { agentId = "worker-1", files = Array.Empty<string>() });
        _server.Publish("mode.changed", new { from = "distributed", to = "degraded", reason = "redis unreachable" });
        await _page.WaitForAsync("document.querySelector('#leases-table tr[data-file=\"src/parser.cs\"]') && document.querySelectorAll('#leases-table tr[data-file]').length === 1", Patience);
        Assert.Contains("9", await Text("#leases-table tr[data-file='src/parser.cs'] td.token"));
        await _page.WaitForAsync("document.querySelector('#agents-table tr[data-agent=\"worker-2\"]')", Patience);
        Assert.Contains("opus", await Text("#agents-table tr[data-agent='worker-2']"));
        Assert.Equal("degraded", await Text("#mode-current"));
        Assert.Equal(3, await _page.EvaluateAsync<int>("document.querySelectorAll('#mode-history li').length"));
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Event_filters_resubscribe_with_query_parameters_and_the_log_shows_only_matches()
    {
        Assert.Equal("", await _server.Subscriptions.ReadAsync().AsTask().WaitAsync(Patience));
        await _page.EvaluateAsync("document.querySelector('#event-filters input[name=event]').value = 'pr.transitioned'");
        await _page.ClickAsync("#event-filters button[type=submit]");
        var query = await _server.Subscriptions.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal("?event=pr.transitioned", Uri.UnescapeDataString(query));
        await _page.WaitForAsync("document.getElementById('filter-status').textContent === 'filtered'", Patience);
        Assert.Equal(2, _server.ClientCount); // a subscription is reported after its socket is registered
        _server.Publish("agent.heartbeat", new { agentId = "worker-1", state = "working", prId = "PR-003" });
        _server.Publish("pr.transitioned", new { prId = "PR-006", from = "broken", to = "ready" });
        await _page.WaitForAsync("document.querySelectorAll('#event-log li.event').length === 1 && document.querySelector('#event-log li.event').dataset.name === 'pr.transitioned'", Patience);
        // The state panels still follow the whole stream.
        await _page.WaitForAsync("document.querySelector('#board [data-column=\"ready\"] .pr-card[data-pr=\"PR-006\"]')", Patience);
        await _page.ClickAsync("#event-filters button[type=reset]");
        await _page.WaitForAsync("document.querySelectorAll('#event-log li.event').length === 2", Patience);
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Gateway_going_away_shows_unreachable_and_the_page_reconnects()
    {
        await _server.Subscriptions.ReadAsync().AsTask().WaitAsync(Patience);
        _server.CutAndRefuse();
        await _page.WaitForAsync("!document.getElementById('gateway-banner').hidden", Patience);
        Assert.Contains("Gateway unreachable", await Text("#gateway-banner"));
        Assert.Contains("unreachable", await Text("#gateway-status"));
        await SaveScreenshot("dashboard-gateway-unreachable");
        _server.Accept();
        await _server.Subscriptions.ReadAsync().AsTask().WaitAsync(Patience);
        await _page.WaitForAsync("document.getElementById('gateway-banner').hidden", Patience);
        // The new snapshot is applied and live events flow again.
        _server.Publish("pr.transitioned", new { prId = "PR-004", from = "new", to = "ready" });
        await _page.WaitForAsync("document.querySelector('#board [data-column=\"ready\"] .pr-card[data-pr=\"PR-004\"]')", Patience);
        // Only the browser's own reports of the refused handshakes, nothing from the page's code.
        Assert.All(_page.Errors, e => Assert.Contains("WebSocket", e));
    }

    [Fact]
    public async Task Dark_and_light_schemes_follow_the_system_preference()
    {
        const string background = "getComputedStyle(document.body).backgroundColor";
        await _page.EmulateColorSchemeAsync("light");
        var light = await _page.EvaluateAsync<string>(background);
        await _page.EmulateColorSchemeAsync("dark");
        var dark = await _page.EvaluateAsync<string>(background);
        Assert.Equal("rgb(246, 247, 249)", light);
        Assert.Equal("rgb(17, 20, 23)", dark);
        await SaveScreenshot("dashboard-dark");
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Reducer_applies_releases_departures_and_enum_spelled_states()
    {
        // The page's reducer module itself, on a copy of the sample state.
        var state = SampleState.Create().ToJsonString();
        var r = await _page.EvaluateAsync<JsonElement>($$"""
            import('./state.js').then(({ emptyModel, applyMessage }) => {
              const m = emptyModel();
              applyMessage(m, { type: 'snapshot', state: {{state}} });
              const ev = (name, data) => applyMessage(m, { type: 'event', seq: 1, name, ts: 1000, data, ctx: {} });
              ev('lease.released', { agentId: 'worker-1', files: ['src/shared.cs'] });
              const leasesAfterOne = [...m.leases.keys()];
              ev('pr.transitioned', { prId: 'PR-006', from: 'Broken', to: 'Ready' });
              ev('agent.left', { agentId: 'worker-1', reason: 'gone' });
              ev('pr.released', { prId: 'PR-002', agentId: 'reviewer-1', reason: 'x' });
              ev('scheduling.paused', { by: 'op' });
              ev('no.such.event', {});
              return { leasesAfterOne, leases: m.leases.size, pr6: m.prs.get('PR-006').cold, pr3: [m.prs.get('PR-003').hot, m.prs.get('PR-003').agent],
                       agents: [...m.agents.keys()], paused: m.hub.paused, events: m.events.length };
            })
            """);
        Assert.Equal("[\"src/scheduler.cs\"]", r.GetProperty("leasesAfterOne").GetRawText());
        Assert.Equal(0, r.GetProperty("leases").GetInt32());
        Assert.Equal("ready", r.GetProperty("pr6").GetString());
        Assert.Equal("[null,null]", r.GetProperty("pr3").GetRawText());
        Assert.Equal("[\"reviewer-1\"]", r.GetProperty("agents").GetRawText());
        Assert.True(r.GetProperty("paused").GetBoolean());
        Assert.Equal(6, r.GetProperty("events").GetInt32());
    }

    [Fact]
    public async Task Progress_velocity_follows_live_completions_and_a_hub_snapshot_keeps_the_done_count()
    {
        // The page's reducer module itself: a page opened before any PR was done, then the hub re-sends its state.
        var r = await _page.EvaluateAsync<JsonElement>("""
            import('./state.js').then(({ emptyModel, applyMessage }) => {
              const m = emptyModel();
              const prs = ['A', 'B', 'C', 'D'].map(id => ({ id, cold: 'ready', dependencies: [], files: [] }));
              applyMessage(m, { type: 'snapshot', state: { prs, progress: { done: 0, total: 4, velocityPerHour: 0, etaSeconds: null } } });
              const ev = (name, data) => applyMessage(m, { type: 'event', seq: 1, name, ts: Date.now(), data, ctx: {} });
              ev('pr.transitioned', { prId: 'A', from: 'ready', to: 'completed' });
              ev('pr.transitioned', { prId: 'B', from: 'ready', to: 'completed' });
              const live = [m.progress.done, m.progress.velocityPerHour, m.progress.etaSeconds];
              // hub.snapshot (the hub's state after it (re)connects) has no progress object.
              ev('hub.snapshot', { prs: prs.map(p => ({ ...p, cold: p.id === 'A' || p.id === 'B' ? 'completed' : 'ready' })) });
              return { live, afterHub: [m.progress.done, m.progress.total, m.progress.velocityPerHour, m.progress.etaSeconds] };
            })
            """);
        Assert.Equal("[2,2,3600]", r.GetProperty("live").GetRawText());
        Assert.Equal("[2,4,2,3600]", r.GetProperty("afterHub").GetRawText());
    }

    [Fact]
    public async Task The_harness_sees_console_errors_uncaught_exceptions_and_failed_loads()
    {
        // The "no console errors" assertions above are only worth something if errors are seen.
        await _page.EvaluateAsync("console.error('seen-console-error'); setTimeout(() => { throw new Error('seen-exception'); }); fetch('/no-such-file.js').catch(() => {}); 1");
        var deadline = DateTime.UtcNow + Patience;
        while (_page.Errors.Count < 3 && DateTime.UtcNow < deadline) await _page.EvaluateAsync("new Promise(r => setTimeout(r, 20))");
        Assert.Contains(_page.Errors, e => e.Contains("seen-console-error"));
        Assert.Contains(_page.Errors, e => e.Contains("seen-exception"));
        Assert.Contains(_page.Errors, e => e.Contains("404"));
    }
}
