using Xunit.Abstractions;

namespace Lemegeton.Fuzz.Tests;

/// <summary>
/// The bounded fuzz run of CI: <see cref="FuzzHarness.Cases"/> (10,000 by default) hostile inputs per
/// target, no crash, no hang, no stack overflow on a 256 KiB stack. The long run is the same tests
/// with <c>LEMEGETON_FUZZ_CASES=100000</c> (docs/fuzzing.md).
/// </summary>
[Trait("Category", "Slow")]
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Task_list_parser_and_validator_survive_hostile_input() =>
        AssertClean(FuzzHarness.Run("task-list", TaskListTarget.Generate, TaskListTarget.Run));

    [Fact]
    public void Hocon_reader_survives_hostile_input() =>
        AssertClean(FuzzHarness.Run("hocon", HoconTarget.Generate, HoconTarget.Run, HoconTarget.StackSize));

    private void AssertClean(FuzzReport report)
    {
        output.WriteLine(report.ToString());
        Console.WriteLine(report.ToString()); // shown by `dotnet test --logger "console;verbosity=normal"`, for docs/fuzzing.md
        Assert.True(report.Failures.Count == 0, report.ToString());
        Assert.Equal(FuzzHarness.Cases, report.Cases);
    }
}
