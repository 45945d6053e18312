using System.CommandLine;
using Lemegeton.Cli.Configuration;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Admin;
using Lemegeton.Hub.Gateway;
using Lemegeton.Hub.Node;

namespace Lemegeton.Cli.Commands;

/// <summary>The configuration the <c>hub</c> commands need: the repository and the <c>hub</c>, <c>logging</c> and <c>coordination</c> sections, validated.</summary>
internal sealed record HubCommandSettings(ProductSettings Product, HubOptions Hub, LoggingOptions Logging, CoordinationOptions Coordination,
    HubAdminTcpOptions AdminTcp, GatewayLinkSettings GatewayLink)
{
    /// <summary>What the hub's actor system needs (<c>hub start</c>).</summary>
    public HubNodeSettings Node => new(Product.Akka, Product.TaskListPath, Product.TaskList, Product.Scheduler, Product.Redis, Product.Journal, Product.Git, Coordination,
        GatewayLink, AdminTcp);

    public HubPaths Paths { get; } = new(Product.RepositoryRoot);

    public string LogDirectory => Logging.DirectoryFor(Product.RepositoryRoot);

    /// <summary>Loads and validates; on error writes it (naming the key) and returns null, and the command exits 2.</summary>
    public static HubCommandSettings? Load(ParseResult result, CliEnvironment environment)
    {
        var product = GlobalOptions.LoadSettings(result, environment);
        if (product is null) return null;
        var error = result.InvocationConfiguration.Error;
        var hub = Bind<HubOptions>(product, "hub", error);
        var logging = Bind<LoggingOptions>(product, "logging", error);
        var coordination = Bind<CoordinationOptions>(product, "coordination", error);
        var adminTcp = Bind<HubAdminTcpOptions>(product, "admin-tcp", error);
        GatewayLinkSettings? link = null;
        try
        {
            link = GatewayCommandSettings.LinkSettings(product);
        }
        catch (ConfigurationException e)
        {
            error.WriteLine($"configuration: {TerminalText.Escape(e.Message)}");
        }
        if (hub is null || logging is null || coordination is null || adminTcp is null || link is null) return null;

        var problems = hub.Validate().Concat(logging.Validate()).Concat(coordination.Validate()).ToArray();
        foreach (var problem in problems) error.WriteLine($"configuration: {problem}");
        return problems.Length > 0 ? null : new HubCommandSettings(product, hub, logging, coordination, adminTcp, link);
    }

    private static T? Bind<T>(ProductSettings product, string section, TextWriter error) where T : class, new()
    {
        try
        {
            return product.Bind<T>(section);
        }
        catch (ConfigurationException e)
        {
            // Bind names the key in HOCON spelling and says what the value should be.
            error.WriteLine($"configuration: {TerminalText.Escape(e.Message)}");
            return null;
        }
    }
}
