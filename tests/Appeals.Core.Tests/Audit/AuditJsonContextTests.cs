using System.Text.Json;
using Appeals.Core.Audit;

namespace Appeals.Core.Tests.Audit;

public class AuditJsonContextTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    // A chain and hashes as the appender writes them, an offset instant with sub-second ticks, and a large count.
    private static AuditCheckpoint Checkpoint() => AuditCheckpoint.Sign(new string('a', 64), 9_007_199_254_740_993, new string('f', 64),
        long.MaxValue, new DateTimeOffset(2026, 12, 7, 23, 59, 59, TimeSpan.FromHours(-5)).AddTicks(1234567), Key);

    [Fact]
    public void Checkpoint_IsWrittenByteForByteAsTheReflectionSerializerWroteIt()
    {
        var checkpoint = Checkpoint();

        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(checkpoint), JsonSerializer.SerializeToUtf8Bytes(checkpoint, AuditJsonContext.Default.AuditCheckpoint));
    }

    [Fact]
    public void CheckpointWrittenByReflection_IsReadBackWhole_AndStillSigned()
    {
        var checkpoint = Checkpoint();

        var read = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(checkpoint), AuditJsonContext.Default.AuditCheckpoint);

        Assert.Equal(checkpoint, read);
        Assert.True(read!.IsSignedWith(Key));
    }
}
