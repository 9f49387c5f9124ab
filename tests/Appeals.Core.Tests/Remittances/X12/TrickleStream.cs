namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>A stream that hands out at most a few bytes per read, to put buffer refills everywhere.</summary>
internal sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
}
