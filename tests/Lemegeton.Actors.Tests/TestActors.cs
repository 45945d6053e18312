using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

/// <summary>Replies to every message with the same message, from itself.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Reports its lifecycle hooks and handles commands to fail or report state.</summary>
public sealed class LifecycleProbeActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _id;
    private int _count;

    public LifecycleProbeActor(IActorRef probe, string id = "")
    {
        _probe = probe;
        _id = id;
        probe.Tell($"ctor{id}", null);
        Receive<Exception>(e => throw e);
        Receive<string>(s => s == "count", _ => Sender.Tell(_count, Self));
        Receive<string>(s => s.StartsWith("spawn:", StringComparison.Ordinal), s =>
            Context.ActorOf(Props.Create(() => new LifecycleProbeActor(_probe, s[6..])), s[6..]));
        Receive<int>(n => { _count += n; Sender.Tell(_count, Self); });
    }

    protected override void PreStart() => _probe.Tell($"preStart{Id}", null);
    protected override void PostStop() => _probe.Tell($"postStop{Id}", null);
    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell($"preRestart{Id}:{reason.Message}:{message?.GetType().Name}", null);
        base.PreRestart(reason, message);
    }
    protected override void PostRestart(Exception reason)
    {
        _probe.Tell($"postRestart{Id}:{reason.Message}", null);
        base.PostRestart(reason);
    }

    private string Id => _id;
}

/// <summary>A parent whose children are supervised by a given strategy; forwards Props to create children.</summary>
public sealed class SupervisorActor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public SupervisorActor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name), Self));
        Receive<Exception>(e => throw e);
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}

public static class KitExtensions
{
    /// <summary>
    /// Has <paramref name="supervisor"/> create a child and returns it. The reply comes on a probe of
    /// its own: the child may start (and tell its lifecycle to TestActor) before the supervisor's
    /// reply is sent, and messages from two senders have no order.
    /// </summary>
    public static IActorRef CreateChild(this ActorTestKit kit, IActorRef supervisor, Props props, string name)
    {
        var reply = kit.CreateTestProbe();
        supervisor.Tell((props, name), reply.Ref);
        var child = reply.ExpectMsg<IActorRef>();
        kit.Sys.Stop(reply.Ref);
        return child;
    }

    public static void ExpectMsgs(this TestProbe probe, params string[] expected)
    {
        foreach (var e in expected) probe.ExpectMsg(e);
    }
}
