using System.Collections;
using System.CommandLine;
using Lemegeton.Cli.Configuration;
using Lemegeton.Gateway;
using Lemegeton.Gateway.Daemon;
using Lemegeton.Hocon.Configuration;
using Lemegeton.Hub.Daemon;
using Lemegeton.Hub.Gateway;

namespace Lemegeton.Cli.Commands;

/// <summary>The configuration the <c>gateway</c> commands need: the repository, <c>gateway</c> and <c>logging</c>, validated.</summary>
internal sealed record GatewayCommandSettings(ProductSettings Product, GatewayOptions Gateway, LoggingOptions Logging)
{
    public GatewayPaths Paths { get; } = new(Product.RepositoryRoot, Gateway.SocketFor(Product.RepositoryRoot));

    public string LogDirectory => Logging.DirectoryFor(Product.RepositoryRoot);

    public GatewayLogSettings LogSettings => new(Logging.Level, LogDirectory, Logging.IsJson, Logging.RetainedFiles, Logging.FileSizeLimit);

    /// <summary>Loads and validates; on error writes it (naming the key) and returns null, and the command exits 2.</summary>
    public static GatewayCommandSettings? Load(ParseResult result, CliEnvironment environment)
    {
        var product = GlobalOptions.LoadSettings(result, environment);
        if (product is null) return null;
        var error = result.InvocationConfiguration.Error;
        try
        {
            var gateway = product.Bind<GatewayOptions>("gateway");
            var logging = product.Bind<LoggingOptions>("logging");
            var link = product.Bind<GatewayLinkOptions>("gateway.link");
            var problems = gateway.Validate().Concat(logging.Validate()).Concat(link.Validate()).ToArray();
            foreach (var problem in problems) error.WriteLine($"configuration: {problem}");
            return problems.Length > 0 ? null : new GatewayCommandSettings(product, gateway, logging);
        }
        catch (ConfigurationException e)
        {
            error.WriteLine($"configuration: {TerminalText.Escape(e.Message)}");
            return null;
        }
    }

    /// <summary>
    /// The hub's gateway-link settings from this repository's configuration (<c>lemegeton.gateway.socket</c>
    /// and <c>lemegeton.gateway.link.*</c>), for the hub's wiring: <c>.WithGatewayLink&lt;TCoordinatorKey&gt;(GatewayCommandSettings.LinkSettings(product))</c>.
    /// </summary>
    /// <exception cref="ConfigurationException">A key has a bad value.</exception>
    public static GatewayLinkSettings LinkSettings(ProductSettings product)
    {
        var gateway = product.Bind<GatewayOptions>("gateway");
        var link = product.Bind<GatewayLinkOptions>("gateway.link");
        return GatewayLinkSettings.For(product.RepositoryRoot, gateway.Socket, link) with
        {
            TaskListPath = Path.Combine(product.RepositoryRoot, product.TaskListPath),
        };
    }

    /// <summary>The <c>LEMEGETON__…</c> variables given to the command explicitly (tests, embedding), for a child process.</summary>
    public static Dictionary<string, string?>? ProductVariables(IDictionary? variables)
    {
        if (variables is null) return null;
        var product = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
            if (entry.Key is string name && name.StartsWith(LemegetonConfiguration.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                product[name] = entry.Value as string;
        return product;
    }

    /// <summary>The <c>--set</c> flags of this invocation, to pass on to a child.</summary>
    public static IEnumerable<string> SetArguments(ParseResult result)
    {
        foreach (var assignment in result.GetValue<string[]>(GlobalOptions.SetName) ?? [])
        {
            yield return GlobalOptions.SetName;
            yield return assignment;
        }
    }
}
