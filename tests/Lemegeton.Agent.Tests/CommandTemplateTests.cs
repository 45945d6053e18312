using System.Diagnostics;
using Lemegeton.Agent.Execution;

namespace Lemegeton.Agent.Tests;

public sealed class CommandTemplateTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["pr_id"] = "PR-001",
        ["title"] = "It's $(rm -rf /) `x` \"quoted\"",
        ["pr_file"] = "/tmp/a b/PR-001.md",
        ["branch"] = "",
    };

    [Fact]
    public void Placeholders_become_single_shell_words_that_the_shell_reads_back_verbatim()
    {
        var line = CommandTemplate.Parse("printf '%s\\n' {pr_id} {title} {pr_file} {files} {branch} {{literal}}")
            .Expand(Values, ["src/a b.cs", "src/it's.cs"]);

        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(line);
        using var sh = Process.Start(psi)!;
        var output = sh.StandardOutput.ReadToEnd().Split('\n');
        sh.WaitForExit();

        Assert.Equal(["PR-001", Values["title"], "/tmp/a b/PR-001.md", "src/a b.cs", "src/it's.cs", "", "{literal}", ""], output);
    }

    [Theory]
    [InlineData("run {prid}", "unknown placeholder {prid} at column 5")]
    [InlineData("run {pr_id", "not closed")]
    [InlineData("  ", "--exec is empty")]
    public void A_bad_template_is_refused_naming_the_problem(string template, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => CommandTemplate.Parse(template)).Message);

    [Fact]
    public void Acceptance_criteria_are_the_items_under_their_label()
    {
        var body = "**Description:**\nx\n\n**Acceptance Criteria:**\n- [ ] Entity compiles\n- [x] Tests pass\n\n**Notes:**\n- not this\n";
        Assert.Equal(["Entity compiles", "Tests pass"], AcceptanceCriteria.From(body));
        Assert.Empty(AcceptanceCriteria.From("no criteria here"));
    }

    [Theory]
    [InlineData("127.0.0.1:4053", "akka.tcp://lemegeton@127.0.0.1:4053")]
    [InlineData("hub.example:5000", "akka.tcp://lemegeton@hub.example:5000")]
    [InlineData("akka.tcp://lemegeton@10.0.0.5:4053", "akka.tcp://lemegeton@10.0.0.5:4053")]
    public void The_hub_option_takes_host_and_port_or_an_akka_address(string value, string expected) =>
        Assert.Equal(expected, AgentOptions.HubAddressFrom(value));

    [Fact]
    public void A_hub_option_without_a_port_is_refused_with_both_forms_shown() =>
        Assert.Contains("HOST:PORT", Assert.Throws<FormatException>(() => AgentOptions.HubAddressFrom("hub.example")).Message);
}
