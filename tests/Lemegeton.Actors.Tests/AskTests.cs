using Lemegeton.Actors.TestKit;

namespace Lemegeton.Actors.Tests;

public sealed class AskTests : ActorTestKit
{
    [Fact]
    public async Task Ask_returns_the_reply()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_times_out_on_the_system_clock()
    {
        var silent = ActorOf(Props.Create<SilentActor>());
        var ask = silent.Ask<string>("hello?", TimeSpan.FromSeconds(5));
        Time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(ask.IsCompleted);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Equal(0, Time.ActiveTimerCount);
    }

    [Fact]
    public async Task Ask_faults_with_the_cause_of_a_Status_Failure_and_on_wrong_type()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => echo.Ask<string>(new Status.Failure(new InvalidOperationException("nope")), TimeSpan.FromSeconds(5)));
        Assert.Equal("nope", ex.Message);
        await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<string>(42, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_can_be_cancelled()
    {
        var silent = ActorOf(Props.Create<SilentActor>());
        using var cts = new CancellationTokenSource();
        var ask = silent.Ask<string>("hello?", null, cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    [Fact]
    public void PipeTo_delivers_results_and_failures()
    {
        Task.FromResult(5).PipeTo(TestActor.Ref);
        Assert.Equal(5, ExpectMsg<int>());
        Task.FromException<int>(new TimeoutException("late")).PipeTo(TestActor.Ref);
        Assert.IsType<TimeoutException>(ExpectMsg<Status.Failure>().Cause);
        Task.FromResult(5).PipeTo(TestActor.Ref, success: i => $"got {i}");
        TestActor.ExpectMsg("got 5");
        Task.CompletedTask.PipeTo(TestActor.Ref);
        ExpectMsg<Status.Success>();
    }

    [Fact]
    public async Task GracefulStop_completes_when_stopped_and_false_on_timeout()
    {
        var echo = ActorOf(Props.Create<EchoActor>());
        Assert.True(await echo.GracefulStop(TimeSpan.FromSeconds(5)));
        Assert.True(await echo.GracefulStop(TimeSpan.FromSeconds(5)));

        var gate = new ManualResetEventSlim();
        var busy = ActorOf(Props.Create(() => new BusyActor(gate)));
        busy.Tell("block", null);
        var stop = busy.GracefulStop(TimeSpan.FromSeconds(5));
        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(await stop);
        gate.Set();
    }

    private sealed class SilentActor : ReceiveActor
    {
        public SilentActor() => ReceiveAny(_ => { });
    }

    private sealed class BusyActor : ReceiveActor
    {
        public BusyActor(ManualResetEventSlim gate) => ReceiveAny(_ => gate.Wait(TimeSpan.FromSeconds(10)));
    }
}

public sealed class EventStreamTests : ActorTestKit
{
    private interface IEvent;
    private sealed record Started(int Id) : IEvent;
    private sealed record Stopped(int Id) : IEvent;

    [Fact]
    public void Subscribers_get_events_assignable_to_their_channel()
    {
        var all = CreateTestProbe();
        var onlyStarted = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(all.Ref, typeof(IEvent)));
        Assert.False(Sys.EventStream.Subscribe(all.Ref, typeof(IEvent)));
        Sys.EventStream.Subscribe(onlyStarted.Ref, typeof(Started));
        Sys.EventStream.Publish(new Started(1));
        Sys.EventStream.Publish(new Stopped(1));
        Sys.EventStream.Publish("unrelated");
        all.ExpectMsg(new Started(1));
        all.ExpectMsg(new Stopped(1));
        onlyStarted.ExpectMsg(new Started(1));
        onlyStarted.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.True(Sys.EventStream.Unsubscribe(onlyStarted.Ref, typeof(Started)));
        Sys.EventStream.Publish(new Started(2));
        all.ExpectMsg(new Started(2));
        onlyStarted.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public void Stopped_subscribers_are_dropped()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(DeadLetter));
        TestActor.Watch(probe.Ref);
        Sys.Stop(probe.Ref);
        TestActor.ExpectTerminated(probe.Ref);
        // Publishing to a dead subscriber of DeadLetter must not loop.
        Sys.EventStream.Publish(new DeadLetter("x", null, probe.Ref));
        Sys.DeadLetters.Tell("y", null);
        Assert.True(Sys.DeadLetterCount < 10);
    }
}
