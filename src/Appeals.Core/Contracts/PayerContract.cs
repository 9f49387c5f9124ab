namespace Appeals.Core.Contracts;

/// <summary>
/// One rate of a payer's fee schedule: the allowed amount the contract promises for a procedure code (and modifier,
/// when the rate is the modifier's own) on dates of service from <see cref="EffectiveFrom"/> to <see cref="EffectiveTo"/>.
/// Paid lines are compared with it to find underpayments (issue 16).
/// </summary>
public sealed class PayerContract
{
    public long Id { get; set; }

    /// <summary>The payer's identifier as the 835 gives it (<see cref="Remittances.Payer.Identifier"/>), else its name.</summary>
    public required string PayerIdentifier { get; set; }

    /// <summary>The procedure code (SVC01-2), e.g. a CPT or HCPCS code.</summary>
    public required string ProcedureCode { get; set; }

    /// <summary>The modifier this rate is for; empty for the rate of any modifier that has no row of its own.</summary>
    public string Modifier { get; set; } = "";

    /// <summary>The allowed amount per unit; zero on a rate that is a percentage of a base schedule.</summary>
    public decimal AllowedAmount { get; set; }

    /// <summary>
    /// The named base schedule this rate is a percentage of (e.g. a fee schedule the site imported under that name as its
    /// <c>payer_id</c>); empty for a fixed amount. With procedure code <see cref="AnyCode"/> it covers every code of the base.
    /// </summary>
    public string BaseSchedule { get; set; } = "";

    /// <summary>The percentage of the base schedule's rate (110 = 110 %); null for a fixed amount.</summary>
    public decimal? PercentOfBase { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The last date of service the rate applies to (inclusive); null when open-ended.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>The procedure code of a percentage rate that covers every code of its base schedule.</summary>
    public const string AnyCode = "*";

    /// <summary>The rate in words: "$100.00", or "110% of BASE-2026".</summary>
    public string Terms => PercentOfBase is { } percent
        ? $"{percent.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}% of {BaseSchedule}"
        : Formatting.MoneyFormat.Money(AllowedAmount);

    /// <summary>Whether the rate is in force on <paramref name="serviceDate"/>.</summary>
    public bool Covers(DateOnly serviceDate) => serviceDate >= EffectiveFrom && (EffectiveTo is null || serviceDate <= EffectiveTo);

    /// <summary>Whether two rates of one key share a date.</summary>
    public bool Overlaps(PayerContract other) =>
        EffectiveFrom <= (other.EffectiveTo ?? DateOnly.MaxValue) && other.EffectiveFrom <= (EffectiveTo ?? DateOnly.MaxValue);

    /// <summary>The key that effective dates may not overlap for.</summary>
    public (string Payer, string Code, string Modifier) Key => (PayerIdentifier, ProcedureCode, Modifier);
}
