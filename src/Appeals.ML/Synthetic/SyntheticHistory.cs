using Appeals.Core.Denials;
using Appeals.ML.History;

namespace Appeals.ML.Synthetic;

/// <summary>
/// Writes a realistic synthetic history (DESIGN.md format) and, beside it, each row's true recovery
/// probability, so that evaluation can compare a model with the oracle that knows the generator.
/// Same rows and seed give the same files. Assumptions: docs/synthetic-history.md.
/// </summary>
public static class SyntheticHistory
{
    public static readonly DateOnly FirstServiceDate = new(2023, 1, 1);
    public const int ServiceDays = 3 * 365;

    /// <summary>Writes <paramref name="rows"/> denials to <paramref name="historyCsvPath"/> in remit-date order and
    /// <c>denial_id,true_probability</c> to <paramref name="truthCsvPath"/>.</summary>
    public static void Write(string historyCsvPath, string truthCsvPath, int rows, int seed)
    {
        var (history, truth) = Generate(rows, seed);
        HistoryCsv.Write(historyCsvPath, history);
        TruthCsv.Write(truthCsvPath, history.Select(r => r.DenialId), truth);
    }

    /// <summary>The rows, in remit-date order, and their true recovery probabilities.</summary>
    public static (IReadOnlyList<HistoryRecord> Rows, IReadOnlyList<double> TrueProbability) Generate(int rows, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var random = new Random(seed);
        var world = new SyntheticWorld(random, CarcCatalog.Shipped);
        var drawn = new List<(HistoryRecord Row, double P)>(rows);
        for (var i = 0; i < rows; i++) drawn.Add(Draw(world, random));
        drawn.Sort((a, b) => a.Row.RemitDate.CompareTo(b.Row.RemitDate));
        var history = new HistoryRecord[rows];
        for (var i = 0; i < rows; i++) history[i] = drawn[i].Row with { DenialId = $"D{i + 1:D7}" };
        return (history, drawn.Select(d => d.P).ToArray());
    }

    private static (HistoryRecord, double) Draw(SyntheticWorld world, Random random)
    {
        var payer = world.Payers[random.Pick(world.PayerWeights)];
        var category = world.Categories[random.Pick(world.CategoryWeights)];
        var (codes, codeWeights) = world.CarcsByCategory[category];
        var carc = random.NextDouble() < 0.002 ? $"Z{random.Next(1, 99)}" : codes[random.Pick(codeWeights)];
        var provider = world.Providers[random.Pick(world.ProviderWeights)];
        var procedure = world.Procedures[random.Next(world.Procedures.Count)];
        var place = SyntheticWorld.PlacesOfService[random.Pick(RandomExtensions.Cumulative(SyntheticWorld.PlacesOfService.Select(p => p.Share)))];
        var group = GroupCode(category, random);
        var remarks = Remarks(category, random);

        var late = random.NextDouble() < (category == "timely_filing" ? 0.6 : 0.05);
        var days = late ? 180 + random.Next(0, 400) : 5 + (int)Math.Exp(Math.Log(20) + random.Normal(0.6));
        var serviceDay = random.Next(ServiceDays);
        var service = FirstServiceDate.AddDays(serviceDay);
        var billed = Math.Round((decimal)(procedure.Price * Math.Exp(random.Normal(0.35)) * (place.Place == "21" ? 5 : 1)
                                          * (1 + 0.5 * random.Next(0, 4))), 2);
        var denied = random.NextDouble() < 0.7 ? billed : Math.Round(billed * (decimal)(0.15 + 0.75 * random.NextDouble()), 2);
        var when = (double)serviceDay / ServiceDays - 0.5; // payers' policies drift over the period

        var logit = world.BaseRates.LogOdds(category, payer.Type)
            + payer.Effect + payer.Drift * when
            + world.PayerCategoryEffect[(payer.Id, category)]
            + world.CarcEffect.GetValueOrDefault(carc)
            + remarks.Sum(r => r.Effect)
            + world.FamilyCategoryEffect[(procedure.Family, category)] + procedure.Effect
            + provider.Effect
            + 0.25 * (Math.Log10((double)Math.Max(denied, 1)) - 2.7)
            - 0.5 * Math.Clamp((days - 90) / 180.0, 0, 2.4)
            + (category == "timely_filing" ? (days <= 365 ? 1.0 : -0.8) : 0)
            + place.Effect
            + group switch { "PR" => -0.4, "PI" => 0.1, _ => 0 }
            + random.Normal(0.15);
        var p = 1 / (1 + Math.Exp(-logit));
        var recovered = random.NextDouble() < p;
        var fullRecovery = random.NextDouble() < 0.75;
        var share = fullRecovery ? 1m : (decimal)(0.3 + 0.65 * random.NextDouble());
        var row = new HistoryRecord
        {
            DenialId = "", PayerId = payer.Id, PayerType = payer.Type, GroupCode = group, Carc = carc,
            Rarcs = remarks.Select(r => r.Code).ToArray(), ProcedureCode = procedure.Code, ProviderId = provider.Id,
            PlaceOfService = place.Place, BilledAmount = billed, DeniedAmount = denied,
            ServiceDate = service, RemitDate = service.AddDays(days),
            Recovered = recovered, RecoveredAmount = recovered ? Math.Round(denied * share, 2) : 0m,
        };
        return (row, p);
    }

    private static string GroupCode(string category, Random random)
    {
        var x = random.NextDouble();
        return category switch
        {
            "non_covered_or_benefit_limit" => x < 0.3 ? "PR" : "CO",
            "duplicate_claim" or "coordination_of_benefits" => x < 0.5 ? "OA" : "CO",
            _ => x < 0.85 ? "CO" : x < 0.95 ? "PI" : "OA",
        };
    }

    private static List<SyntheticWorld.Remark> Remarks(string category, Random random)
    {
        var remarks = new List<SyntheticWorld.Remark>();
        if (!SyntheticWorld.RemarksByCategory.TryGetValue(category, out var pool)) return remarks;
        if (random.NextDouble() < 0.6) remarks.Add(pool[random.Next(pool.Length)]);
        if (random.NextDouble() < 0.15)
        {
            var second = pool[random.Next(pool.Length)];
            if (!remarks.Contains(second)) remarks.Add(second);
        }
        return remarks;
    }
}
