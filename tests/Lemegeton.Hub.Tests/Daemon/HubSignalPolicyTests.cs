using System.Runtime.InteropServices;
using Lemegeton.Hub.Daemon;
using Microsoft.Extensions.Time.Testing;

namespace Lemegeton.Hub.Tests.Daemon;

public sealed class HubSignalPolicyTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void Sigterm_stops_and_a_burst_of_it_counts_once()
    {
        var time = new FakeTimeProvider();
        var policy = new HubSignalPolicy(Window, time);

        Assert.Equal(HubSignalAction.Stop, policy.Decide(PosixSignal.SIGTERM));
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal(HubSignalAction.Ignore, policy.Decide(PosixSignal.SIGTERM));
        time.Advance(TimeSpan.FromMilliseconds(200)); // 300 ms after the first, 200 ms after the last: still the same burst
        Assert.Equal(HubSignalAction.Ignore, policy.Decide(PosixSignal.SIGTERM));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HubSignalAction.AlreadyStopping, policy.Decide(PosixSignal.SIGTERM));
        Assert.True(policy.IsStopping);
    }

    [Fact]
    public void A_second_sigint_after_the_window_forces_the_exit_but_one_within_it_does_not()
    {
        var time = new FakeTimeProvider();
        var policy = new HubSignalPolicy(Window, time);

        Assert.Equal(HubSignalAction.Stop, policy.Decide(PosixSignal.SIGINT));
        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(HubSignalAction.Ignore, policy.Decide(PosixSignal.SIGINT));
        time.Advance(Window);
        Assert.Equal(HubSignalAction.ForceExit, policy.Decide(PosixSignal.SIGINT));
    }

    [Fact]
    public void Sigint_during_a_shutdown_begun_by_sigterm_or_the_admin_api_forces_the_exit()
    {
        var time = new FakeTimeProvider();
        var byTerm = new HubSignalPolicy(Window, time);
        var byApi = new HubSignalPolicy(Window, time);

        Assert.Equal(HubSignalAction.Stop, byTerm.Decide(PosixSignal.SIGTERM));
        Assert.Equal(HubSignalAction.ForceExit, byTerm.Decide(PosixSignal.SIGINT));
        byApi.MarkStopping();
        Assert.Equal(HubSignalAction.ForceExit, byApi.Decide(PosixSignal.SIGINT));
    }

    [Fact]
    public void Sighup_reloads_once_per_burst_and_never_stops()
    {
        var time = new FakeTimeProvider();
        var policy = new HubSignalPolicy(Window, time);

        var actions = new List<HubSignalAction>();
        for (var i = 0; i < 5; i++)
        {
            actions.Add(policy.Decide(PosixSignal.SIGHUP));
            time.Advance(TimeSpan.FromMilliseconds(10));
        }
        time.Advance(TimeSpan.FromSeconds(1));
        actions.Add(policy.Decide(PosixSignal.SIGHUP));

        Assert.Equal([HubSignalAction.Reload, .. Enumerable.Repeat(HubSignalAction.Ignore, 4), HubSignalAction.Reload], actions);
        Assert.False(policy.IsStopping);
    }
}
