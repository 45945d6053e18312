using System.Diagnostics;
using Lemegeton.Cli;
using Lemegeton.Gateway.Tests.Infrastructure;

namespace Lemegeton.Gateway.Tests;

/// <summary>The <c>gateway</c> commands and <c>start|stop|status</c>, in process and as real processes.</summary>
public sealed class GatewayCommandTests : IDisposable
{
    private readonly TempRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, output, error, new CliEnvironment(_repo.Root, new Dictionary<string, string>()));
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("gateway", "status")]
    [InlineData("gateway", "stop")]
    [InlineData("stop")]
    public void Without_a_running_gateway_the_commands_exit_3(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(3, code);
        Assert.Contains("no gateway is running in " + _repo.Root, error);
    }

    [Fact]
    public void A_bad_gateway_setting_exits_2_naming_the_key()
    {
        var (code, _, error) = Run("gateway", "status", "--set", "gateway.port=70000");
        Assert.Equal(2, code);
        Assert.Contains("lemegeton.gateway.port", error);
        (code, _, error) = Run("gateway", "status", "--set", "gateway.link.resend-buffer=0");
        Assert.Equal(2, code);
        Assert.Contains("lemegeton.gateway.link.resend-buffer", error);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Start_status_and_stop_drive_the_hub_and_the_gateway_together()
    {
        var start = await Lemegeton("start", "--set", "gateway.port=0", "--set", "akka.remote.dot-netty.tcp.port=0");
        try
        {
            Assert.True(start.Code == 0, start.Output);
            Assert.Contains("hub started: pid", start.Output);
            Assert.Contains("gateway started: pid", start.Output);
            Assert.Contains("dashboard: http://127.0.0.1:", start.Output);

            var status = await Lemegeton("status");
            Assert.True(status.Code == 0, status.Output);
            // `status` is the hub's operator status; its dashboard line comes from the running gateway.
            Assert.Contains("hub running", status.Output);
            Assert.Contains("dashboard:  http://127.0.0.1:", status.Output);

            // The gateway outlives the hub: `status` without a hub still names the dashboard, and exits 3.
            var hubStop = await Lemegeton("hub", "stop");
            Assert.True(hubStop.Code == 0, hubStop.Output);
            Assert.Contains("hub stopped", hubStop.Output);
            var away = await Lemegeton("status");
            Assert.Equal(3, away.Code);
            Assert.Contains("dashboard: http://127.0.0.1:", away.Output);
            Assert.Contains("no hub is running", away.Output);
        }
        finally
        {
            var stop = await Lemegeton("stop");
            Assert.True(stop.Code == 0, stop.Output);
            Assert.Contains("gateway stopped", stop.Output);
        }
        Assert.Equal(3, (await Lemegeton("status")).Code);
    }

    private async Task<(int Code, string Output)> Lemegeton(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lemegeton.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return (p.ExitCode, await output + await error);
    }
}
