using System.Net;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Tests.Admin;

/// <summary>The hub's host in this process, over its real Unix socket: the endpoint registration point, the shutdown gate and steps.</summary>
public sealed class HubAdminApiTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>Stands in for the actor tree's endpoints: one that starts work.</summary>
    private sealed class WorkEndpoints : IHubAdminEndpoints
    {
        public void Map(IEndpointRouteBuilder v1) => v1.MapPost("/work", () => Results.Ok()).StartsWork();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Registered_endpoints_serve_under_v1_and_work_is_refused_while_the_shutdown_steps_run()
    {
        using var repo = new TempRepository();
        var settings = new HubDaemonSettings(repo.Root, new HubOptions(), new LoggingOptions(), LogToConsole: false, Detached: false);
        Posix.CreatePrivateDirectory(repo.Paths.PrivateRunDirectory);
        await using var log = HubHostBuilder.CreateLog(settings);
        var stepStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseStep = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var order = new List<string>();
        await using var app = HubHostBuilder.Build(settings, log, new HubForcedExit(() => { }), builder =>
        {
            builder.Services.AddHubAdminEndpoints<WorkEndpoints>();
            builder.Services.AddHubShutdownStep(new HubShutdownStep("release leases", HubShutdownStage.ReleaseLeases, async _ =>
            {
                lock (order) order.Add("release leases");
                stepStarted.SetResult();
                await releaseStep.Task;
            }));
            builder.Services.AddHubShutdownStep(new HubShutdownStep("stop assigning", HubShutdownStage.StopAssigning, _ =>
            {
                lock (order) order.Add("stop assigning");
                return Task.CompletedTask;
            }));
        });
        await app.StartAsync().WaitAsync(Guard);
        using var client = new HubAdminClient(HubHostBuilder.BindPath(repo.Paths));

        var running = await client.GetStatusAsync();
        using var work = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "v1/work"));
        Assert.Equal(Environment.ProcessId, running.Pid);
        Assert.Equal("running", running.State);
        Assert.Equal("unknown", running.Mode);
        Assert.Equal(HubCounts.None, running.Counts);
        Assert.Equal(repo.Root, running.Repository);
        Assert.Equal(HttpStatusCode.OK, work.StatusCode);

        var stopping = app.StopAsync();
        await stepStarted.Task.WaitAsync(Guard);
        using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "v1/work"));
        var during = await client.GetStatusAsync();
        releaseStep.SetResult();
        await stopping.WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("\"code\":\"stopping\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal("stopping", during.State);
        Assert.Equal(["stop assigning", "release leases"], order);
    }
}
