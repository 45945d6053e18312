namespace Lemegeton.Hocon.Tests;

/// <summary>Parses with an empty, injected environment so tests never depend on the machine's variables.</summary>
internal static class Hocon
{
    public static HoconObject Parse(string text, IReadOnlyDictionary<string, string>? environment = null, string? fileName = "test.conf") =>
        HoconParser.Parse(text, fileName, Options(environment));

    public static HoconParseOptions Options(IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        EnvironmentVariables = name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
    };

    public static HoconException Error(string text, string? fileName = "test.conf") =>
        Assert.Throws<HoconException>(() => HoconParser.Parse(text, fileName, Options()));
}
