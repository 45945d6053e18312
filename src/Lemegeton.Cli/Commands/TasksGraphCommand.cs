using System.CommandLine;
using System.Text;
using Lemegeton.Core.States;
using Lemegeton.Core.TaskList;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton tasks graph [PATH] [--format mermaid|dot]</c>: the dependency graph, an edge from each dependency to the PR that waits for it.</summary>
public sealed class TasksGraphCommand : Command
{
    public TasksGraphCommand(CliEnvironment environment)
        : base("graph", "Print the PR dependency graph as Mermaid (paste into Markdown) or Graphviz dot (pipe into `dot -Tsvg`). An arrow points from a PR to the PRs that wait for it.")
    {
        var path = TaskListOptions.PathArgument();
        var format = new Option<string>("--format")
        {
            Description = "Output format: mermaid or dot.",
            DefaultValueFactory = _ => "mermaid",
            HelpName = "mermaid|dot",
        };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var lenient = TaskListOptions.LenientOption();
        Add(path);
        Add(format);
        Add(lenient);
        SetAction(result =>
        {
            if (!TaskListOptions.TryLoadForCommand(result, environment, path, lenient, "draw", out var doc, out _, out var file, out var exitCode)) return exitCode;
            var output = result.InvocationConfiguration.Output;
            output.Write(result.GetValue(format) == "dot" ? Dot(doc) : Mermaid(doc));
            return 0;
        });
    }

    public static string Mermaid(TaskListDocument doc)
    {
        var sb = new StringBuilder("graph TD\n");
        foreach (var pr in doc.Prs)
            sb.Append("  ").Append(NodeId(pr.Id)).Append("[\"").Append(MermaidText($"{pr.Id}: {pr.Title}")).Append("<br/>")
              .Append(pr.ColdState.ToWire()).Append("\"]\n");
        foreach (var pr in doc.Prs)
            foreach (var dep in pr.Dependencies)
                sb.Append("  ").Append(NodeId(dep)).Append(" --> ").Append(NodeId(pr.Id)).Append('\n');
        foreach (var group in doc.Prs.GroupBy(p => p.ColdState))
            sb.Append("  class ").Append(string.Join(",", group.Select(p => NodeId(p.Id)))).Append(' ').Append(group.Key.ToWire()).Append('\n');
        sb.Append("  classDef completed fill:#d4edda\n  classDef approved fill:#c3e6cb\n  classDef ready fill:#d1ecf1\n")
          .Append("  classDef blocked fill:#f8d7da\n  classDef broken fill:#f5c6cb\n  classDef planned fill:#fff3cd\n");
        return sb.ToString();
    }

    public static string Dot(TaskListDocument doc)
    {
        var sb = new StringBuilder("digraph tasks {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=white];\n");
        foreach (var pr in doc.Prs)
            sb.Append("  \"").Append(DotText(pr.Id)).Append("\" [label=\"").Append(DotText($"{pr.Id}: {pr.Title}")).Append("\\n")
              .Append(pr.ColdState.ToWire()).Append("\", fillcolor=\"").Append(Fill(pr.ColdState)).Append("\"];\n");
        foreach (var pr in doc.Prs)
            foreach (var dep in pr.Dependencies)
                sb.Append("  \"").Append(DotText(dep)).Append("\" -> \"").Append(DotText(pr.Id)).Append("\";\n");
        return sb.Append("}\n").ToString();
    }

    private static string Fill(ColdState s) => s switch
    {
        ColdState.Completed or ColdState.Approved => "#d4edda",
        ColdState.Ready => "#d1ecf1",
        ColdState.Blocked or ColdState.Broken => "#f8d7da",
        ColdState.Planned => "#fff3cd",
        _ => "white",
    };

    /// <summary>Mermaid node ids allow letters, digits and underscores.</summary>
    private static string NodeId(string id)
    {
        var sb = new StringBuilder(id.Length);
        foreach (var c in id) sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        return sb.ToString();
    }

    private static string MermaidText(string s) => TerminalText.Escape(s).Replace("\"", "#quot;", StringComparison.Ordinal);

    private static string DotText(string s) => TerminalText.Escape(s).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
