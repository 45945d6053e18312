using BenchmarkDotNet.Attributes;
using Lemegeton.Hocon;
using Lemegeton.Hocon.Configuration;
using Microsoft.Extensions.Configuration;

namespace Lemegeton.Benchmarks.Hocon;

/// <summary>
/// Cost of reading the product's configuration: parsing reference.conf, and the whole layered
/// build (reference.conf + project file + environment + flags) that every CLI command pays once.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class HoconParseBenchmarks
{
    private static readonly HoconParseOptions NoEnvironment = new() { EnvironmentVariables = _ => null };
    private string _reference = "";
    private string _projectRoot = "";
    private System.Collections.Hashtable _environment = [];

    [GlobalSetup]
    public void Setup()
    {
        _reference = LemegetonConfiguration.ReadReferenceConf();
        _projectRoot = Path.Combine(Path.GetTempPath(), "lemegeton-hocon-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(Path.Combine(_projectRoot, ".lemegeton"));
        File.WriteAllText(LemegetonConfiguration.ProjectFilePath(_projectRoot), """
            lemegeton {
              scheduler.max-parallel-prs = 4
              leases { ttl = 120s, grace = ${lemegeton.leases.ttl} }
              redis.url = ${?REDIS_URL}
            }
            """);
        _environment = new System.Collections.Hashtable { ["LEMEGETON__HUB__HEARTBEAT_TIMEOUT"] = "20s" };
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_projectRoot, recursive: true);

    [Benchmark(Baseline = true)]
    public HoconObject ParseReferenceConf() => HoconParser.Parse(_reference, "reference.conf", NoEnvironment);

    [Benchmark]
    public IConfigurationRoot BuildLayeredConfiguration() => LemegetonConfiguration.Build(_projectRoot, null, _environment);
}
