using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Lemegeton.Core.TaskList;
using YamlDotNet.Core;

namespace Lemegeton.Core.Tests.TaskList;

/// <summary>The fast YAML subset reader must give exactly YamlDotNet's tree, or decline.</summary>
public class SimpleYamlReaderTests
{
    private static string Dump(YamlNode? node)
    {
        var sb = new StringBuilder();
        Write(node, sb);
        return sb.ToString();
    }

    private static void Write(YamlNode? node, StringBuilder sb)
    {
        switch (node)
        {
            case null: sb.Append("<none>"); break;
            case YamlScalar s:
                sb.Append('(').Append(s.IsPlain ? "plain" : s.Style.ToString()).Append(' ').Append(s.Value);
                // An empty value's position is not used; all others must match to the character.
                if (!s.IsNull) sb.Append(" @").Append(s.Start.Index).Append('/').Append(s.Start.Line).Append(':').Append(s.Start.Column).Append('-').Append(s.End.Index);
                sb.Append(')');
                break;
            case YamlSequence q:
                sb.Append("[@").Append(q.Start.Line).Append(' ');
                foreach (var i in q.Items) { Write(i, sb); sb.Append(','); }
                sb.Append(']');
                break;
            case YamlMapping m:
                sb.Append("{@").Append(m.Start.Index).Append(' ');
                foreach (var e in m.Entries) { sb.Append(e.Key).Append(" @").Append(e.KeyStart).Append(':'); Write(e.Value, sb); sb.Append(';'); }
                sb.Append('}');
                break;
        }
    }

    private static bool Agrees(string yaml, out bool handled)
    {
        handled = SimpleYamlReader.TryRead(yaml, 0, yaml.Length, out var fast);
        if (!handled) return true;
        YamlNode? reference;
        try { reference = YamlBlockReader.ReadWithYamlDotNet(yaml, 0, yaml.Length); }
        catch (YamlException) { return false; }
        catch (InvalidOperationException) { return false; }
        return Dump(fast) == Dump(reference);
    }

    [Theory]
    [InlineData("pr_id: PR-001\ntitle: Widget [part 1] - more\ncold_state: ready\n")]
    [InlineData("complexity:\n  score: 3\n  rationale: x\ndependencies: [PR-001, PR-002]\n")]
    [InlineData("dependencies:\n  - PR-001\n  - PR-002\nnext: 1\n")]
    [InlineData("dependencies:\n- PR-001\n- PR-002\n")]
    [InlineData("estimated_files:\n  - path: src/a.cs\n    action: create\n    description: a: b\n")]
    [InlineData("estimated_files:\n  - path: src/a.cs\n    action: create\n  -   path: b\n      action: delete\n")]
    [InlineData("a: \"quoted\"\nb: 'single'\nc:\nd: []\ne: ~\n")]
    [InlineData("a: x # comment\n")]
    [InlineData("# only\n# comments\n")]
    [InlineData("a: b\r\nc:\r\n  d: e\r\n")]
    [InlineData("a: multi\n  line\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: {b: c}\n")]
    [InlineData("a: url://x:y\nb: 5.5\n")]
    public void Agrees_with_yamldotnet_or_declines(string yaml)
    {
        Assert.True(Agrees(yaml, out _), yaml);
    }

    [Fact]
    public void Handles_every_block_of_a_generated_list()
    {
        var text = new TaskListGenerator(9).Generate(200);
        var doc = TaskListParser.Parse(text);
        foreach (var pr in doc.Prs)
        {
            var yaml = text[pr.YamlBlock.Start..pr.YamlBlock.End];
            Assert.True(Agrees(yaml, out var handled), yaml);
            Assert.True(handled, yaml);
        }
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void Property_random_lines_never_disagree()
    {
        string[] pieces = ["a: b", "  c: d", "- e", "  - f", "k:", "x: [p, q]", "x: []", "y: 'z'", "y: \"z\"", "# c", "", "    - g: h", "    i: j", "v: w: u", "t: s #c", "n: ~", "m: -1", "l: [a, [b]]", "\ta: b", "key with space: v"];
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(pieces)).ToArbitrary(), lines =>
        {
            var yaml = string.Join("\n", lines) + "\n";
            return Agrees(yaml, out _);
        }).QuickCheckThrowOnFailure();
    }
}
