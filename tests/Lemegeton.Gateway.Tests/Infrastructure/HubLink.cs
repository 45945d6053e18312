using Akka.Actor;
using Akka.Configuration;
using Lemegeton.Hub.Gateway;

namespace Lemegeton.Gateway.Tests.Infrastructure;

/// <summary>The hub side in the test process: an ActorSystem (no remoting) running the gateway link; events are published on its event stream as the coordinator does.</summary>
public sealed class HubLink : IDisposable
{
    private HubLink(ActorSystem system, IActorRef link)
    {
        System = system;
        Link = link;
    }

    public ActorSystem System { get; }

    public IActorRef Link { get; }

    /// <summary>Starts the link and waits until it has read its state (it is then subscribed to the event stream).</summary>
    public static async Task<HubLink> StartAsync(string socket, string stateDirectory, int resendBuffer = 1000, IActorRef? coordinator = null, Func<ActorSystem, IActorRef>? makeCoordinator = null)
    {
        var hub = Start(socket, stateDirectory, resendBuffer, coordinator, makeCoordinator);
        await hub.WaitForAsync(s => s.HubId is not null);
        return hub;
    }

    public static HubLink Start(string socket, string stateDirectory, int resendBuffer = 1000, IActorRef? coordinator = null, Func<ActorSystem, IActorRef>? makeCoordinator = null)
    {
        var system = ActorSystem.Create("hub-" + Guid.NewGuid().ToString("N")[..6], ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING"));
        var options = new GatewayLinkOptions
        {
            ResendBuffer = resendBuffer,
            ReconnectMinDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        };
        coordinator ??= makeCoordinator?.Invoke(system);
        var link = GatewayLinkHosting.Start(system, new GatewayLinkSettings(socket, stateDirectory, options, coordinator));
        return new HubLink(system, link);
    }

    public void Publish(object e) => System.EventStream.Publish(e);

    public Task<GatewayLinkStatus> StatusAsync() => Link.Ask<GatewayLinkStatus>(GetGatewayLinkStatus.Instance, TimeSpan.FromSeconds(10));

    /// <summary>Waits until the link's status satisfies <paramref name="condition"/> (asks it; each answer is the awaited signal).</summary>
    public async Task<GatewayLinkStatus> WaitForAsync(Func<GatewayLinkStatus, bool> condition, TimeSpan? bound = null)
    {
        var deadline = DateTime.UtcNow + (bound ?? TimeSpan.FromSeconds(60));
        GatewayLinkStatus status;
        do
        {
            status = await StatusAsync();
            if (condition(status)) return status;
            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"the link did not reach the expected state: {status}");
        return status;
    }

    public void Dispose() => System.Terminate().Wait(TimeSpan.FromSeconds(20));
}
