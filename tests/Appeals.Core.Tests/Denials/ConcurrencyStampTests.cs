using Appeals.Core.Denials;

namespace Appeals.Core.Tests.Denials;

public sealed class ConcurrencyStampTests
{
    [Fact]
    public void New_AcrossSeveralRandomBuffers_MakesDistinctRandomVersion4Guids()
    {
        // 1,000 stamps use four of the 4 KB buffers of random bytes.
        var stamps = Enumerable.Range(0, 1000).Select(_ => ConcurrencyStamp.New()).ToList();

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        Assert.All(stamps, s => Assert.Equal(4, s.Version));
        Assert.All(stamps, s => Assert.Equal(0x8, s.Variant & 0xC)); // RFC 9562: 10xx
    }
}
