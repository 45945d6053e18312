using Lemegeton.Hub.Spawner;

namespace Lemegeton.Hub.Tests.Spawner;

public sealed class AgentRestartPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Three_restarts_within_a_minute_then_the_next_failure_gives_up()
    {
        var policy = new AgentRestartPolicy(3, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.OnFailure(T0));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.OnFailure(T0.AddSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(4), policy.OnFailure(T0.AddSeconds(10)));
        Assert.Null(policy.OnFailure(T0.AddSeconds(20)));
        Assert.Null(policy.OnFailure(T0.AddSeconds(30)));
    }

    [Fact]
    public void Restarts_older_than_the_window_no_longer_count_and_the_backoff_falls_back()
    {
        var policy = new AgentRestartPolicy(3, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        policy.OnFailure(T0);
        policy.OnFailure(T0.AddSeconds(10));
        policy.OnFailure(T0.AddSeconds(20));
        // Each restart is counted from when it happens (failure + backoff): the first at 1 s leaves the window at 61 s.
        Assert.Null(policy.OnFailure(T0.AddSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(4), policy.OnFailure(T0.AddSeconds(62)));
        Assert.Equal(TimeSpan.FromSeconds(1), new AgentRestartPolicy(3, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)).OnFailure(T0.AddHours(1)));
    }

    [Fact]
    public void The_backoff_is_capped()
    {
        var policy = new AgentRestartPolicy(10, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        var delays = Enumerable.Range(0, 6).Select(i => policy.OnFailure(T0.AddSeconds(i))).ToList();
        Assert.Equal([1, 2, 4, 5, 5, 5], delays.Select(d => d!.Value.TotalSeconds));
    }

    [Fact]
    public void No_restarts_allowed_gives_up_at_the_first_failure()
    {
        Assert.Null(new AgentRestartPolicy(0, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)).OnFailure(T0));
    }
}
