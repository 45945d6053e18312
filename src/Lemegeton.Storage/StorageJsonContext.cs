using System.Text.Json.Serialization;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Redis;

namespace Lemegeton.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EmbeddedRedis.ServerState))]
[JsonSerializable(typeof(FileJournal.SnapshotFile))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
