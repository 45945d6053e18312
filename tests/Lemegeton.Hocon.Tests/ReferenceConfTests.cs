using Lemegeton.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Lemegeton.Hocon.Tests;

/// <summary>reference.conf parses with our reader and documents every key. (That it binds to the product's real Options classes, with the same defaults as the code, is tested in Lemegeton.Cli.Tests, which sees those classes.)</summary>
public sealed class ReferenceConfTests
{
    [Fact]
    public void Reference_conf_is_embedded_and_parses()
    {
        var root = HoconParser.Parse(LemegetonConfiguration.ReadReferenceConf(), LemegetonConfiguration.ReferenceResourceName, Hocon.Options());

        Assert.Equal(TimeSpan.FromSeconds(300), root.GetDuration("lemegeton.leases.default-ttl"));
        Assert.Equal(64L * 1024 * 1024, root.GetBytes("lemegeton.journal.file.segment-max-bytes"));
    }

    [Fact]
    public void Every_reference_key_has_a_comment_line_above_it()
    {
        // The contract of reference.conf: each default states its trade-off on the line(s) above.
        var lines = LemegetonConfiguration.ReadReferenceConf().Split('\n');
        var previous = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var isField = line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('}') && line.Contains('=', StringComparison.Ordinal);
            if (isField)
            {
                Assert.True(previous.StartsWith('#'), $"reference.conf: '{line}' has no comment above it");
            }

            if (line.Length > 0)
            {
                previous = line;
            }
        }
    }
}
