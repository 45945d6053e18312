using Microsoft.Extensions.Logging;

namespace Lemegeton.Gateway.Daemon;

/// <summary>The gateway's log files: the same <c>lemegeton.logging.*</c> settings as the hub's, files named <c>gateway-YYYYMMDD.log</c>.</summary>
public sealed record GatewayLogSettings(LogLevel Level, string Directory, bool Json, int RetainedFiles, long FileSizeLimit);
