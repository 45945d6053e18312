using Spectre.Console;

namespace Lemegeton.Cli.Commands;

/// <summary>A Spectre.Console console over a command's output writer: colours on a real terminal, plain text elsewhere.</summary>
public static class Terminal
{
    public static IAnsiConsole For(TextWriter output)
    {
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive) console.Profile.Width = 160;
        return console;
    }
}
