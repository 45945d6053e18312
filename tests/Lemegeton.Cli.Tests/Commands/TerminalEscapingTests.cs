using Lemegeton.Cli.Commands;
using static Lemegeton.Cli.Tests.TempTaskList;

namespace Lemegeton.Cli.Tests.Commands;

/// <summary>Control characters in user data never reach the terminal raw: every output path escapes them.</summary>
public sealed class TerminalEscapingTests : IDisposable
{
    private const string Esc = "\u001b";
    private readonly TempTaskList _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A lenient list whose title, dependency and body carry ESC, BEL, CR and a bidi override.</summary>
    private string HostileList()
    {
        var title = $"Evil {Esc}[31mred{Esc}[0m \u0007bell \u202eoverride";
        var pr1 = Pr("PR-001", title: title);
        var pr2 = Pr("PR-002", deps: $"[PR-001, \"PR-{Esc}]2;pwned\\u0007\"]");
        return _dir.Write(List(pr1, pr2));
    }

    private static void AssertNoControlCharacters(string text)
    {
        foreach (var c in text)
            Assert.False(c is < ' ' and not ('\n' or '\r') || c is >= '\u007f' and <= '\u009f' || c == '\u202e',
                $"raw U+{(int)c:X4} in output:\n{text}");
    }

    [Theory]
    [InlineData("list")]
    [InlineData("graph")]
    [InlineData("graph", "--format", "dot")]
    [InlineData("schedule")]
    [InlineData("validate")]
    public void Tasks_commands_escape_control_characters_of_the_list(string command, params string[] more)
    {
        var path = HostileList();

        var run = CliRun.Of(_dir.Directory, ["tasks", command, path, "--lenient", .. more]);

        Assert.Equal(0, run.ExitCode);
        AssertNoControlCharacters(run.Output);
        AssertNoControlCharacters(run.Error);
        Assert.Contains(@"\x1b", run.Output + run.Error);
    }

    [Fact]
    public void A_refused_pr_id_is_named_and_printed_escaped()
    {
        var path = _dir.Write(List(Pr("PR-001").Replace("pr_id: PR-001", $"pr_id: PR-{Esc}[2J001", StringComparison.Ordinal)));

        var run = CliRun.Of(_dir.Directory, "tasks", "validate", path);

        Assert.Equal(1, run.ExitCode);
        AssertNoControlCharacters(run.Output);
        Assert.Contains(@"PR-\x1b[2J001: pr_id: contains the control character U+001B", run.Output);
    }

    [Fact]
    public void Config_show_escapes_values()
    {
        var run = CliRun.With(_dir.Directory, new System.Collections.Hashtable { ["LEMEGETON__GIT__AUTHOR_NAME"] = $"Hub{Esc}]0;title\u0007" }, "config", "show");

        Assert.Equal(0, run.ExitCode);
        AssertNoControlCharacters(run.Output);
        Assert.Contains(@"Hub\x1b]0;title\x07", run.Output);
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a\u001bb", @"a\x1bb")]
    [InlineData("tab\there\r\n", @"tab\there\r\n")]
    [InlineData("\u0000\u007f\u0085\u009b", @"\x00\x7f\x85\x9b")]
    [InlineData("rtl\u202eltr\u2028", @"rtl\u202eltr\u2028")]
    [InlineData("café 日本 \\ [markup]", "café 日本 \\ [markup]")]
    public void Escape_shows_control_characters_as_visible_escapes(string raw, string shown) =>
        Assert.Equal(shown, TerminalText.Escape(raw));
}
