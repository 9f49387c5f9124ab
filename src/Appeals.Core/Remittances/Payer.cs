namespace Appeals.Core.Remittances;

/// <summary>A payer as it identifies itself in N1*PR (and REF*2U), with the payer type its appeal rules hang on.</summary>
public sealed class Payer
{
    public long Id { get; set; }

    /// <summary>The payer's identifier: REF*2U when present, else N1*PR's N104, else its name.</summary>
    public required string Identifier { get; set; }

    public required string Name { get; set; }

    /// <summary>One of <see cref="PayerTypes"/>; <c>other</c> until known.</summary>
    public string PayerType { get; set; } = PayerTypes.Other;
}

/// <summary>The payer types that the history CSV and the appeal rules use.</summary>
public static class PayerTypes
{
    public const string Medicare = "medicare";
    public const string MedicareAdvantage = "medicare_advantage";
    public const string Medicaid = "medicaid";
    public const string Commercial = "commercial";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Medicare, MedicareAdvantage, Medicaid, Commercial, Other];

    /// <summary>Infers a payer type from CLP06, the claim filing indicator (MA/MB Medicare, MC Medicaid, CI/BL/HM commercial, 16 Medicare Advantage HMO).</summary>
    public static string FromClaimFilingIndicator(string? indicator) => indicator switch
    {
        "MA" or "MB" => Medicare,
        "16" => MedicareAdvantage,
        "MC" => Medicaid,
        "CI" or "BL" or "HM" or "12" or "13" or "14" or "15" or "17" or "LM" or "WC" or "DS" => Commercial,
        _ => Other,
    };
}
