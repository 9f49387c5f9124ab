using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Appeals.Core.Audit;

/// <summary>How a row's hash is computed: the one definition both the writer and the verifier use.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Lowercase hex SHA-256 over the previous hash and every content field, each length-prefixed so no two rows can collide by shifting text between fields.</summary>
    public static string ComputeHash(AuditEntry e)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     e.PreviousHash, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture), e.UserName, e.Action,
                     e.EntityType, e.EntityId, e.Reason, e.Details,
                 })
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>The result of walking the chain: intact, or the first row where it breaks and how.</summary>
public sealed record AuditVerification(bool Intact, long RowsChecked, long? FirstBrokenId, string? Problem)
{
    public static AuditVerification Ok(long rows) => new(true, rows, null, null);
}
