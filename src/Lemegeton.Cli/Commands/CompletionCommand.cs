using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary>
/// <c>lemegeton completion bash|zsh|fish</c>: a shell script that completes commands, options and
/// values by asking the CLI itself (System.CommandLine's <c>[suggest:N]</c> directive), so it stays in
/// step with the installed version.
/// </summary>
public sealed class CompletionCommand : Command
{
    public CompletionCommand()
        : base("completion", "Print a shell completion script. bash: add 'source <(lemegeton completion bash)' to ~/.bashrc; "
            + "zsh: 'source <(lemegeton completion zsh)' in ~/.zshrc; fish: 'lemegeton completion fish > ~/.config/fish/completions/lemegeton.fish'.\nExample: lemegeton completion bash")
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        Add(shell);
        SetAction(result =>
        {
            result.InvocationConfiguration.Output.Write(Script(result.GetValue(shell)!));
            return CliExitCodes.Success;
        });
    }

    internal static string Script(string shell) => shell switch
    {
        "bash" => """
            # lemegeton completion for bash: source <(lemegeton completion bash)
            _lemegeton_complete() {
                local IFS=$'\n'
                COMPREPLY=( $(compgen -W "$(lemegeton "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
            }
            complete -o default -F _lemegeton_complete lemegeton

            """,
        "zsh" => """
            # lemegeton completion for zsh: source <(lemegeton completion zsh)
            _lemegeton_complete() {
                local -a candidates
                candidates=("${(@f)$(lemegeton "[suggest:${#BUFFER}]" "$BUFFER" 2>/dev/null)}")
                compadd -- $candidates
            }
            compdef _lemegeton_complete lemegeton

            """,
        _ => """
            # lemegeton completion for fish: lemegeton completion fish > ~/.config/fish/completions/lemegeton.fish
            function __lemegeton_complete
                set -l line (commandline -cp)
                lemegeton "[suggest:"(string length -- $line)"]" "$line" 2>/dev/null
            end
            complete -c lemegeton -f -a '(__lemegeton_complete)'

            """,
    };
}
