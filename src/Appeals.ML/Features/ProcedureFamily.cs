namespace Appeals.ML.Features;

/// <summary>
/// Groups procedure codes into families a specialist recognises (CPT sections, HCPCS letters), so
/// that a code seen rarely still borrows what its family teaches.
/// </summary>
public static class ProcedureFamily
{
    public const string Unknown = "unknown";

    /// <summary>Every family, in feature order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "evaluation_management", "anesthesia", "surgery", "radiology", "pathology_lab", "medicine",
        "hcpcs_drugs", "hcpcs_equipment_supplies", "hcpcs_other", Unknown,
    ];

    public static string Of(string procedureCode)
    {
        var code = procedureCode.AsSpan().Trim();
        if (code.Length < 5) return Unknown;
        if (char.IsAsciiLetter(code[0]))
            return char.ToUpperInvariant(code[0]) switch
            {
                'J' => "hcpcs_drugs",
                'E' or 'A' or 'L' or 'K' => "hcpcs_equipment_supplies",
                _ => "hcpcs_other",
            };
        if (!int.TryParse(code[..5], out var number)) return Unknown;
        return number switch
        {
            >= 99202 and <= 99499 => "evaluation_management",
            < 1000 => "anesthesia",
            < 70000 => "surgery",
            < 80000 => "radiology",
            < 90000 => "pathology_lab",
            _ => "medicine",
        };
    }
}
