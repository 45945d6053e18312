namespace Lemegeton.Hocon.Tests;

public sealed class UnitTests
{
    [Theory]
    [InlineData("500ms", 5_000_000L)]
    [InlineData("30s", 300_000_000L)]
    [InlineData("30 seconds", 300_000_000L)]
    [InlineData("5m", 3_000_000_000L)]
    [InlineData("1.5h", 54_000_000_000L)]
    [InlineData("2d", 1_728_000_000_000L)]
    [InlineData("250us", 2_500L)]
    [InlineData("1000ns", 10L)]
    [InlineData("1 minute", 600_000_000L)]
    [InlineData("42", 420_000L)]
    public void Durations_parse_with_every_unit(string text, long ticks)
    {
        Assert.True(HoconDuration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromTicks(ticks), duration);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("5 fortnights")]
    [InlineData("ms")]
    [InlineData("")]
    [InlineData("1e")]
    public void Invalid_durations_are_refused(string text) => Assert.False(HoconDuration.TryParse(text, out _));

    [Fact]
    public void Duration_with_unit_is_required_when_asked()
    {
        Assert.False(HoconDuration.TryParseWithUnit("42", out _));
        Assert.True(HoconDuration.TryParseWithUnit("42ms", out _));
    }

    [Theory]
    [InlineData("512", 512L)]
    [InlineData("1MiB", 1_048_576L)]
    [InlineData("64MiB", 67_108_864L)]
    [InlineData("64 M", 67_108_864L)]
    [InlineData("10MB", 10_000_000L)]
    [InlineData("2k", 2_048L)]
    [InlineData("1kB", 1_000L)]
    [InlineData("1.5KiB", 1_536L)]
    [InlineData("1GiB", 1_073_741_824L)]
    [InlineData("3 bytes", 3L)]
    [InlineData("2 mebibytes", 2_097_152L)]
    public void Sizes_parse_with_binary_and_decimal_units(string text, long bytes)
    {
        Assert.True(HoconSize.TryParse(text, out var value));
        Assert.Equal(bytes, value);
    }

    [Theory]
    [InlineData("big")]
    [InlineData("1 XB")]
    [InlineData("99999999PiB")]
    public void Invalid_sizes_are_refused(string text) => Assert.False(HoconSize.TryParse(text, out _));

    [Fact]
    public void Typed_getters_read_durations_sizes_booleans_and_lists()
    {
        var root = Hocon.Parse("""
            t = 500ms
            n = 250
            s = 1MiB
            b1 = on
            b2 = "no"
            l = [a, "b", 3]
            c { x = 1 }
            """);

        Assert.Equal(TimeSpan.FromMilliseconds(500), root.GetDuration("t"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), root.GetDuration("n"));
        Assert.Equal(1_048_576L, root.GetBytes("s"));
        Assert.True(root.GetBool("b1"));
        Assert.False(root.GetBool("b2"));
        Assert.Equal(["a", "b", "3"], root.GetStringList("l"));
        Assert.Equal(1, root.GetConfig("c").GetInt("x"));
        Assert.Equal(250L, root.GetLong("n"));
    }
}
