using AgentTypes = Lemegeton.Core.Scheduling.AgentTypes;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using Lemegeton.Hub.Actors;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Tests.Infrastructure;
using Lemegeton.Protocol.Leases;
using Lemegeton.Protocol.Session;
using Lemegeton.Protocol.Work;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Tests.Actors;

/// <summary>The admin API's coordinator endpoints, over the real Unix socket, against a real coordinator.</summary>
[Trait("Category", "Slow")]
public sealed class CoordinatorAdminEndpointsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Agents_prs_and_leases_show_the_coordinators_hot_state()
    {
        await using var cluster = await TestCluster.StartAsync(TestTaskLists.Build(2, _ => []), heartbeatTimeout: TimeSpan.FromMinutes(5));
        var kit = new TestKit(cluster.Hub);
        var agent = kit.CreateTestProbe();
        agent.Send(cluster.HubProxy, new RegisterAgent("r1", 1, "probe", AgentTypes.Worker, "sonnet", 10));
        var welcome = agent.ExpectMsg<Welcome>(Patience);
        var session = agent.LastSender;
        var work = agent.ExpectMsg<AssignPr>(Patience);
        session.Tell(new AcquireLeases("l1", work.PrId, work.Files), agent.Ref);
        agent.ExpectMsg<LeasesGranted>(Patience);

        using var repo = new TempRepository();
        var settings = new HubDaemonSettings(repo.Root, new HubOptions(), new LoggingOptions(), LogToConsole: false, Detached: false);
        Posix.CreatePrivateDirectory(repo.Paths.PrivateRunDirectory);
        await using var log = HubHostBuilder.CreateLog(settings);
        await using var app = HubHostBuilder.Build(settings, log, new HubForcedExit(() => { }), builder =>
        {
            builder.Services.AddSingleton(new HubCoordinatorRef(cluster.HubProxy));
            builder.Services.AddHubAdminEndpoints<CoordinatorAdminEndpoints>();
        });
        await app.StartAsync().WaitAsync(Patience);
        using var client = new HubAdminClient(HubHostBuilder.BindPath(repo.Paths));

        using var agents = await Get(client, "v1/agents");
        var only = Assert.Single(agents.RootElement.EnumerateArray());
        Assert.Equal(welcome.SessionId, only.GetProperty("sessionId").GetString());
        Assert.Equal("probe", only.GetProperty("agentId").GetString());
        Assert.Equal(work.PrId, Assert.Single(only.GetProperty("prs").EnumerateArray()).GetString());

        using var prs = await Get(client, "v1/prs");
        var byId = prs.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!);
        Assert.Equal(2, byId.Count);
        Assert.Equal("in-progress", byId[work.PrId].GetProperty("hotState").GetString());
        Assert.Equal(work.FencingToken, byId[work.PrId].GetProperty("fencingToken").GetInt64());
        Assert.All(byId.Values, p => Assert.Equal("ready", p.GetProperty("coldState").GetString()));

        using var leases = await Get(client, "v1/leases");
        var paths = leases.RootElement.EnumerateArray().Select(l => l.GetProperty("path").GetString()).ToList();
        Assert.Equal(work.Files.Order(StringComparer.Ordinal), paths);
        Assert.All(leases.RootElement.EnumerateArray(), l => Assert.Equal("probe", l.GetProperty("agentId").GetString()));
        await app.StopAsync().WaitAsync(Patience);
    }

    private static async Task<JsonDocument> Get(HubAdminClient client, string path)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
