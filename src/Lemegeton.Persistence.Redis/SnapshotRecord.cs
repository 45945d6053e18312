using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Lemegeton.Persistence.Redis;

/// <summary>
/// How one snapshot is stored. The hash value (<see cref="Encode"/>) is
/// <c>[1 byte version = 1][int32 serializer id][int32 manifest length][manifest UTF-8][payload]</c>,
/// little-endian; the index member (<see cref="IndexMember"/>) is <c>{seqNr}:{ticks:D19}</c> so the
/// selection scripts compare timestamps exactly, as strings of equal width.
/// </summary>
internal sealed record SnapshotRecord(int SerializerId, string Manifest, byte[] Payload)
{
    private const byte Version = 1;

    public byte[] Encode()
    {
        var manifest = Encoding.UTF8.GetBytes(Manifest);
        var bytes = new byte[1 + 4 + 4 + manifest.Length + Payload.Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(1), SerializerId);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(5), manifest.Length);
        manifest.CopyTo(bytes.AsSpan(9));
        Payload.CopyTo(bytes.AsSpan(9 + manifest.Length));
        return bytes;
    }

    public static SnapshotRecord Decode(byte[] bytes, string persistenceId, long sequenceNr)
    {
        if (bytes.Length < 9 || bytes[0] != Version)
            throw new InvalidDataException($"Snapshot {persistenceId}#{sequenceNr} is not in a format this plugin reads (version byte {(bytes.Length > 0 ? bytes[0] : -1)}).");
        var serializer = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(1));
        var manifestLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(5));
        if (manifestLength < 0 || 9 + manifestLength > bytes.Length)
            throw new InvalidDataException($"Snapshot {persistenceId}#{sequenceNr} is truncated (manifest length {manifestLength}, {bytes.Length} bytes).");
        var manifest = Encoding.UTF8.GetString(bytes, 9, manifestLength);
        return new SnapshotRecord(serializer, manifest, bytes[(9 + manifestLength)..]);
    }

    public static string IndexMember(long sequenceNr, DateTime timestamp) =>
        sequenceNr.ToString(CultureInfo.InvariantCulture) + ":" + Ticks(timestamp);

    public static string Ticks(DateTime timestamp) => timestamp.Ticks.ToString("D19", CultureInfo.InvariantCulture);

    public static (long SequenceNr, DateTime Timestamp) ParseIndexMember(string member)
    {
        var colon = member.IndexOf(':');
        return (
            long.Parse(member.AsSpan(0, colon), CultureInfo.InvariantCulture),
            new DateTime(long.Parse(member.AsSpan(colon + 1), CultureInfo.InvariantCulture), DateTimeKind.Utc));
    }
}
