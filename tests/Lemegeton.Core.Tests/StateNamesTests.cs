using Lemegeton.Core.States;

namespace Lemegeton.Core.Tests;

public class StateNamesTests
{
    [Fact]
    public void Every_state_round_trips_through_its_wire_name()
    {
        foreach (var state in PrState.All)
        {
            Assert.True(PrState.TryParse(state.ToString(), out var parsed));
            Assert.Equal(state, parsed);
        }
        Assert.Equal("in-progress", PrState.Of(HotState.InProgress).ToString());
        Assert.False(PrState.TryParse("in_progress", out _));
    }
}
