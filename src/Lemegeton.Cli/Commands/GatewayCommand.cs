using System.CommandLine;

namespace Lemegeton.Cli.Commands;

/// <summary><c>lemegeton gateway …</c>: run and control the gateway (IPC from the hub, the live dashboard) of this repository (docs/gateway.md).</summary>
public sealed class GatewayCommand : Command
{
    public GatewayCommand(CliEnvironment environment)
        : base("gateway", "Run and control the gateway that serves the live dashboard: start, stop, status (see docs/gateway.md).\nExample: lemegeton gateway start")
    {
        Add(new GatewayStartCommand(environment));
        Add(new GatewayStopCommand(environment));
        Add(new GatewayStatusCommand(environment));
    }
}
