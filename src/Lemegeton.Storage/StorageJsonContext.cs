using System.Text.Json.Serialization;
using Lemegeton.Storage.Journal;
using Lemegeton.Storage.Redis;
using Lemegeton.Storage.Sync;

namespace Lemegeton.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EmbeddedRedis.ServerState))]
[JsonSerializable(typeof(FileSnapshotStore.SnapshotFile))]
[JsonSerializable(typeof(HotStateSnapshot))]
[JsonSerializable(typeof(AgentRegisteredData))]
[JsonSerializable(typeof(AgentRemovedData))]
[JsonSerializable(typeof(PrAssignedData))]
[JsonSerializable(typeof(PrTransitionedData))]
[JsonSerializable(typeof(HotStateClearedData))]
[JsonSerializable(typeof(LeaseGrantedData))]
[JsonSerializable(typeof(LeaseReleasedData))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
