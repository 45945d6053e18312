using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lemegeton.Hub.Admin;

/// <summary>The admin API's optional TCP listener (see <see cref="HubAdminTcpOptions"/>).</summary>
public static class HubAdminTcp
{
    /// <summary>
    /// When <paramref name="options"/> is enabled: listens on its address and port as well as the Unix
    /// socket, and requires the bearer token (from its token file, created when missing) on TCP.
    /// Call from the host's <c>extend</c> hook: <c>builder.AddHubAdminTcp(product.Bind&lt;HubAdminTcpOptions&gt;("admin-tcp"), root)</c>.
    /// </summary>
    public static WebApplicationBuilder AddHubAdminTcp(this WebApplicationBuilder builder, HubAdminTcpOptions options, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return builder;
        if (!IPAddress.TryParse(options.Address, out var address))
            throw new InvalidOperationException($"lemegeton.admin-tcp.address: '{options.Address}' is not an IP address");
        var token = HubAdminToken.LoadOrCreate(Path.Combine(repositoryRoot, options.TokenFile));
        builder.Services.AddSingleton(token);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));
        return builder;
    }
}
