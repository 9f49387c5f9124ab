using System.Text;

namespace Appeals.Web.Tests.Identity;

/// <summary>The test's TOTP against RFC 6238's own test vectors (appendix B, SHA-1), so a wrong code is the app's fault, not the test's.</summary>
public sealed class Rfc6238Tests
{
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(20000000000L, "353130")]
    public void Code_MatchesTheRfcTestVectors(long unixSeconds, string sixDigits)
    {
        // The RFC's SHA-1 key is the ASCII "12345678901234567890"; its vectors have 8 digits, of which a 6-digit code is the last six.
        var key = Base32(Encoding.ASCII.GetBytes("12345678901234567890"));

        Assert.Equal(sixDigits, Rfc6238.Code(key, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(alphabet[(buffer >> bits) & 31]);
            }
        }
        if (bits > 0) text.Append(alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }
}
