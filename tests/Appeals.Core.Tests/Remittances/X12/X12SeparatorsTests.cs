using System.Text;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Tests.Remittances.X12;

public class X12SeparatorsTests
{
    private const string Isa5010 = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *260105*0930*^*00501*000000001*0*P*:~";

    [Fact]
    public void TryFromIsa_5010_ReadsElementRepetitionComponentAndTerminator()
    {
        Assert.True(X12Separators.TryFromIsa(Encoding.ASCII.GetBytes(Isa5010), out var s, out _));
        Assert.Equal(((byte)'*', (byte)'^', (byte)':', (byte)'~'), (s.Element, s.Repetition, s.Component, s.Terminator));
    }

    [Fact]
    public void TryFromIsa_4010WithU_HasNoRepetitionSeparator()
    {
        Assert.True(X12Separators.TryFromIsa(Encoding.ASCII.GetBytes(Isa5010.Replace("*^*00501", "*U*00401")), out var s, out _));
        Assert.Equal(0, s.Repetition);
    }

    [Fact]
    public void TryFromIsa_PaddedDifferently_StillFindsIsa16ByCountingSeparators()
    {
        Assert.True(X12Separators.TryFromIsa(Encoding.ASCII.GetBytes("ISA*00**00**27*99999*ZZ*99999*110402*9999*U*99999*999999999*0*P*>\n"), out var s, out _));
        Assert.Equal(((byte)'>', (byte)'\n'), (s.Component, s.Terminator));
    }

    [Theory]
    [InlineData("ISA*00*          *00*")]
    [InlineData("ISA*00*          *00*          *ZZ*A              *ZZ*B              *260105*0930*^*00501*000000001*0*P*:A")]
    [InlineData("ISAX00")]
    public void TryFromIsa_TruncatedOrUnusable_SaysWhy(string isa)
    {
        Assert.False(X12Separators.TryFromIsa(Encoding.ASCII.GetBytes(isa), out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Theory]
    [InlineData("ST*835*0001~BPR", '*', '~')]
    [InlineData("ST|835|0001|005010X221A1\nBPR", '|', '\n')]
    public void TryFromSt_WithoutEnvelope_InfersElementAndTerminator(string st, char element, char terminator)
    {
        Assert.True(X12Separators.TryFromSt(Encoding.ASCII.GetBytes(st), out var s));
        Assert.Equal(((byte)element, (byte)terminator, (byte)':'), (s.Element, s.Terminator, s.Component));
    }
}
