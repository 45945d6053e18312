// The plugin tests run a real redis-server on a Unix socket: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
