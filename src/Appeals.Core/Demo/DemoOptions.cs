namespace Appeals.Core.Demo;

/// <summary>What to generate. The same options always give the same files.</summary>
/// <param name="Seed">Seed of the one random generator everything is drawn from.</param>
/// <param name="Claims">Number of original claims (follow-up payments, reversals and corrections come on top).</param>
public sealed record DemoOptions(int Seed = 20260105, int Claims = 2000)
{
    /// <summary>First date of service; a fixed date, never the clock, so that output depends on the seed alone.</summary>
    public DateOnly FirstServiceDate { get; init; } = new(2026, 1, 5);

    /// <summary>Dates of service spread over this many days.</summary>
    public int ServiceDays { get; init; } = 180;

    /// <summary>
    /// The day the data set ends ("today" for a demo dated relative to the clock): remittances paid after it are left
    /// out, so that recoveries still to come are not yet paid. Null keeps every remittance.
    /// </summary>
    public DateOnly? Until { get; init; }

    /// <summary>
    /// A demo that ends on <paramref name="today"/>: dates of service over the <see cref="ServiceDays"/> days before the
    /// last six weeks (the longest a generated claim waits for its first remittance), so that every claim is adjudicated,
    /// recent denials have deadlines ahead, and older ones have outcomes.
    /// </summary>
    public DemoOptions EndingOn(DateOnly today) => this with { FirstServiceDate = today.AddDays(-ServiceDays - 45), Until = today };
}

/// <summary>
/// The truth behind one generated denial: what was denied, and whether a later remittance paid it.
/// The ML history export is built from these (outcome labels without reading the files back).
/// </summary>
public sealed record DemoDenial(
    string PatientControlNumber,
    string PayerIdentifier,
    string PayerType,
    string RootCause,
    string GroupCode,
    string Carc,
    bool ClaimLevel,
    string ProcedureCode,
    string RenderingProviderId,
    decimal BilledAmount,
    decimal DeniedAmount,
    DateOnly ServiceDate,
    DateOnly DenialDate,
    decimal RecoveredAmount,
    DateOnly? RecoveryDate)
{
    public bool Recovered => RecoveredAmount > 0;
}
