using Appeals.Core.Imports;

namespace Appeals.Core.Remittances;

/// <summary>One 835 transaction set (ST..SE): a payment or advice from one payer to one payee.</summary>
public sealed class Remittance
{
    public long Id { get; set; }

    public long ImportedFileId { get; set; }
    public ImportedFile? ImportedFile { get; set; }

    public long PayerId { get; set; }
    public Payer? Payer { get; set; }

    /// <summary>SHA-256 (hex) of the transaction's bytes from ST to SE: re-importing the same transaction adds nothing.</summary>
    public required string ContentHash { get; set; }

    /// <summary>ISA13; empty when the file has no envelope.</summary>
    public string InterchangeControlNumber { get; set; } = "";
    /// <summary>GS06; empty when the file has no envelope.</summary>
    public string GroupControlNumber { get; set; } = "";
    /// <summary>ST02.</summary>
    public required string TransactionControlNumber { get; set; }

    /// <summary>BPR01: I (remittance with payment), H (advice only), C, D, P, U, X.</summary>
    public string HandlingCode { get; set; } = "";
    /// <summary>BPR02, total actual provider payment.</summary>
    public decimal PaymentAmount { get; set; }
    /// <summary>BPR03: C credit, D debit.</summary>
    public string CreditDebitFlag { get; set; } = "C";
    /// <summary>BPR04: ACH, CHK, BOP, FWT, NON.</summary>
    public string PaymentMethod { get; set; } = "";
    /// <summary>BPR16, the check issue or EFT effective date.</summary>
    public DateOnly? PaymentDate { get; set; }

    /// <summary>TRN02, the check or EFT trace number.</summary>
    public string TraceNumber { get; set; } = "";
    /// <summary>DTM*405, production date.</summary>
    public DateOnly? ProductionDate { get; set; }

    /// <summary>N1*PE name.</summary>
    public string PayeeName { get; set; } = "";
    /// <summary>N1*PE N104 (NPI or tax id).</summary>
    public string PayeeIdentifier { get; set; } = "";

    public List<ClaimPayment> Claims { get; set; } = [];
    public List<ProviderAdjustment> ProviderAdjustments { get; set; } = [];

    /// <summary>A copy of the header (BPR, TRN, parties, dates, control numbers) with no claims or provider adjustments.</summary>
    internal Remittance WithoutClaims()
    {
        var header = (Remittance)MemberwiseClone();
        header.Claims = [];
        header.ProviderAdjustments = [];
        return header;
    }
}
