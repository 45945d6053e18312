using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Lemegeton.Hub.Events;
using Lemegeton.Hub.Gateway;

// Load generator for the gateway (docs/benchmarks.md, "Gateway"): hub link (in this process) → the
// real gateway process → WebSocket clients (in this process).
//   throughput [rate=120000] [seconds=10] [buffer=1000]   one client; events/s sustained end to end
//   fanout [clients=100] [rate=1000] [seconds=20]        p50/p99/max publish → client latency
var mode = args.Length > 0 ? args[0] : "throughput";
var opts = args.Skip(1).Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
int Opt(string name, int fallback) => opts.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

var root = Path.Combine("/tmp", "lgwb-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(root);
Process.Start("git", ["init", "-q", root]).WaitForExit();
var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "lemegeton.dll"), "gateway", "start", "--foreground", "--set", "gateway.port=0", "--set", "logging.level=warning" })
    psi.ArgumentList.Add(a);
using var gateway = Process.Start(psi)!;
gateway.StandardInput.Close();
_ = gateway.StandardOutput.ReadToEndAsync();
_ = gateway.StandardError.ReadToEndAsync();
var urlFile = Path.Combine(root, ".lemegeton", "gateway.url");
while (!File.Exists(urlFile)) await Task.Delay(50);
var url = (await File.ReadAllTextAsync(urlFile)).Trim();
var ws = new Uri(url.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");

using var system = ActorSystem.Create("bench", ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
var options = new GatewayLinkOptions { ResendBuffer = Opt("buffer", 1000), ReconnectMinDelay = TimeSpan.FromMilliseconds(100) };
var link = GatewayLinkHosting.Start(system, new GatewayLinkSettings(Path.Combine(root, ".lemegeton", "gateway.sock"), Path.Combine(root, ".lemegeton", "state"), options));
while (!(await link.Ask<GatewayLinkStatus>(GetGatewayLinkStatus.Instance)).Connected) await Task.Delay(20);

try
{
    if (mode == "fanout") await FanOut(Opt("clients", 100), Opt("rate", 1000), Opt("seconds", 20));
    else await Throughput(Opt("rate", 120_000), Opt("seconds", 10));
}
finally
{
    gateway.Kill();
    await system.Terminate();
    Directory.Delete(root, true);
}

// Publishes `rate` events/s for `seconds` in 1 ms slices; the event's reason carries its publish time (ticks).
async Task Publish(int rate, int seconds)
{
    var sw = Stopwatch.StartNew();
    long sent = 0, total = (long)rate * seconds;
    while (sent < total)
    {
        var due = Math.Min(total, (long)(sw.Elapsed.TotalSeconds * rate));
        for (; sent < due; sent++)
            system.EventStream.Publish(new PrTransitioned("PR-" + (sent % 100).ToString("000", CultureInfo.InvariantCulture), "ready", "in-progress", "w", null,
                DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)));
        if (sent < total) await Task.Delay(1);
    }
}

async Task<ClientWebSocket> Connect()
{
    var c = new ClientWebSocket();
    await c.ConnectAsync(ws, CancellationToken.None);
    var buffer = new byte[1 << 20];
    var r = await c.ReceiveAsync(buffer, CancellationToken.None); // the snapshot: registered from here on
    while (!r.EndOfMessage) r = await c.ReceiveAsync(buffer, CancellationToken.None);
    return c;
}

// Reads frames until `expected` events or an idle second; records each event's latency in µs.
async Task<(long Events, long Dropped, List<double> Latencies, TimeSpan Last)> Read(ClientWebSocket c, long expected, Stopwatch clock, bool latencies)
{
    var buffer = new byte[1 << 20];
    long events = 0, dropped = 0;
    var lat = new List<double>();
    var last = TimeSpan.Zero;
    while (events < expected)
    {
        using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        int length = 0;
        try
        {
            ValueWebSocketReceiveResult r;
            do { r = await c.ReceiveAsync(buffer.AsMemory(length), idle.Token); length += r.Count; } while (!r.EndOfMessage);
        }
        catch (OperationCanceledException) { break; }
        var now = DateTime.UtcNow.Ticks;
        using var doc = JsonDocument.Parse(buffer.AsMemory(0, length));
        var e = doc.RootElement;
        if (e.GetProperty("type").GetString() != "event") continue;
        if (e.GetProperty("name").GetString() == "ipc.dropped") { dropped += e.GetProperty("data").GetProperty("count").GetInt64(); continue; }
        events++;
        last = clock.Elapsed;
        if (latencies) lat.Add((now - long.Parse(e.GetProperty("data").GetProperty("reason").GetString()!, CultureInfo.InvariantCulture)) / 10.0);
    }
    return (events, dropped, lat, last);
}

async Task Throughput(int rate, int seconds)
{
    using var client = await Connect();
    var clock = Stopwatch.StartNew();
    var reading = Read(client, (long)rate * seconds, clock, latencies: true);
    await Publish(rate, seconds);
    var published = clock.Elapsed;
    var (events, dropped, lat, last) = await reading;
    lat.Sort();
    Console.WriteLine($"throughput: offered {rate:N0}/s for {seconds} s; published in {published.TotalSeconds:0.00} s; client got {events:N0} events in {last.TotalSeconds:0.00} s = {events / last.TotalSeconds:N0}/s; dropped (announced) {dropped:N0}; latency p50 {P(lat, 0.5) / 1000:0.0} ms p99 {P(lat, 0.99) / 1000:0.0} ms");
}

async Task FanOut(int clients, int rate, int seconds)
{
    var sockets = new List<ClientWebSocket>();
    for (var i = 0; i < clients; i++) sockets.Add(await Connect());
    var clock = Stopwatch.StartNew();
    var reads = sockets.Select(s => Read(s, (long)rate * seconds, clock, latencies: true)).ToList();
    await Publish(rate, seconds);
    var results = await Task.WhenAll(reads);
    var all = results.SelectMany(r => r.Latencies).ToList();
    all.Sort();
    Console.WriteLine($"fanout: {clients} clients, {rate:N0} events/s total for {seconds} s; frames delivered {all.Count:N0} of {(long)clients * rate * seconds:N0}; dropped {results.Sum(r => r.Dropped)}; latency p50 {P(all, 0.5) / 1000:0.00} ms p99 {P(all, 0.99) / 1000:0.00} ms max {all[^1] / 1000:0.00} ms");
    foreach (var s in sockets) s.Dispose();
}

static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
