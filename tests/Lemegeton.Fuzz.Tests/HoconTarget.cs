using Lemegeton.Hocon;
using Lemegeton.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Lemegeton.Fuzz.Tests;

/// <summary>
/// The HOCON reader as a fuzz target, through everything that walks its tree: parse and resolve,
/// flatten into configuration keys, check the keys against reference.conf and read typed values.
/// Seeds: hocon/reference.conf and small documents with substitutions, includes and merges. The only
/// accepted refusal is a <see cref="HoconException"/> with file, line and column. Includes resolve in
/// an empty folder, so nothing outside the test is read.
/// </summary>
public static class HoconTarget
{
    /// <summary>The stack the HOCON cases run on; see docs/fuzzing.md.</summary>
    public static int StackSize => int.TryParse(Environment.GetEnvironmentVariable("LEMEGETON_FUZZ_HOCON_STACK_KB"), out var kb) && kb > 0 ? kb * 1024 : 1024 * 1024;

    private static readonly string Folder = Directory.CreateTempSubdirectory("lemegeton-fuzz-hocon-").FullName;
    private static readonly string FileName = Path.Combine(Folder, "fuzz.conf");
    private static readonly HoconParseOptions Options = new() { EnvironmentVariables = name => name == "HOME" ? "/home/fuzz" : null, BaseDirectory = Folder };

    private static readonly string[] Seeds =
    [
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Seeds", "reference.conf")),
        "a { b = 1, c = ${a.b}, d = [1, 2, ${a.b}] }\na.e += 3\nf = ${?HOME}/x\ng = \"\"\"triple\"\"\"\nh = 10s\ni = 64MiB\n",
        "lemegeton { scheduler { max-parallel-prs = 4, order = [id] } }\nlemegeton.leases.default-ttl = ${lemegeton.git.busy-max-wait}\ninclude \"missing.conf\"\n",
        "x = { a = 1 } { b = 2 }\ny = ${x} { c = 3 }\nz = [1] [2]\nw = ${z} [3]\nv = foo bar ${x.a} baz\n",
    ];

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", "${", "${?", "}", "=", ":", "+=", ",", "\"", "\"\"\"", "include ", "include required(\"x.conf\")", "include file(\"nothing\")",
        "//", "#", ".", "a.b.c", "\"quoted.key\"", "null", "true", "10s", "64MiB", "1.5h", "-0", "1e400", "\\u00", "\\uD800", "\\", "lemegeton.",
        "${lemegeton.leases.default-ttl}", "${a}", "a = ${a}\n", "a = ${b}\nb = ${a}\n", "\n", "akka { }", "lemegeton.scheduler.max-paralel-prs = 1\n",
        "lemegeton.scheduler = 3\n", "?", "$", "@", "`", "^", "!", "\u00a0", "\u2028",
    ];

    public static string Generate(int seed)
    {
        var random = new Random(seed);
        var mutator = new HostileText(random, Tokens, Deep);
        if (random.Next(50) == 0) return Deep(random);
        return mutator.Mutate(Seeds[random.Next(Seeds.Length)]);
    }

    /// <summary>Deep objects, lists, paths and substitution chains.</summary>
    internal static string Deep(Random random)
    {
        var n = random.Next(10) == 0 ? random.Next(2_000, 30_000) : random.Next(50, 1_000);
        return random.Next(7) switch
        {
            0 => "a = " + new string('[', n) + new string(']', n),
            1 => string.Concat(Enumerable.Repeat("a { ", n)) + new string('}', n),
            2 => string.Join('.', Enumerable.Repeat("a", n)) + " = 1\n",
            3 => string.Concat(Enumerable.Range(0, Math.Min(n, 5_000)).Select(i => $"k{i} = ${{k{i + 1}}}\n")) + $"k{Math.Min(n, 5_000)} = 1\n",
            4 => string.Concat(Enumerable.Range(0, Math.Min(n, 5_000)).Select(i => $"a = ${{a}} [{i}]\n")),
            5 => string.Concat(Enumerable.Range(0, Math.Min(n, 5_000)).Select(i => $"o = ${{?o}} {{ k{i} = {i} }}\n")),
            _ => "a = " + string.Concat(Enumerable.Repeat("{ b : ", n)) + "1" + new string('}', n),
        };
    }

    /// <summary>Parses and walks the tree; true when the input was refused with a HoconException.</summary>
    public static bool Run(string text)
    {
        try
        {
            var root = HoconParser.Parse(text, FileName, Options);
            var configuration = new ConfigurationBuilder().AddHocon(root).Build();
            foreach (var _ in configuration.AsEnumerable()) { }
            _ = KnownConfigurationKeys.Reference.Check(root);
            if (root.TryGetField("lemegeton", out _))
            {
                Read(() => root.GetDuration("lemegeton.leases.default-ttl"));
                Read(() => root.GetBytes("lemegeton.journal.file.segment-max-bytes"));
            }
            return false;
        }
        catch (HoconException e)
        {
            if (e.Line < 1 || e.Column < 1 || !e.Message.StartsWith(e.Position.ToString(), StringComparison.Ordinal))
                throw new FuzzOracleException($"HOCON error without file:line:col: '{e.Message}'");
            return true;
        }
    }

    private static void Read(Action get)
    {
        try { get(); }
        catch (HoconException) { } // a wrong type or a missing path is a documented refusal of the getter
    }
}
