// The boundary tests run a real redis-server, git and POSIX file modes: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
