using Appeals.ML.History;
using Appeals.ML.Synthetic;
using Appeals.ML.Training;
using Appeals.Core.Denials;

namespace Appeals.ML.Tests;

/// <summary>Builders for test data: one denial row, and a small generated history with a model trained once.</summary>
internal static class TestHistory
{
    public static HistoryRecord Row(string id = "D1", string carc = "197", DateOnly? remit = null, bool? recovered = true,
        string payer = "60001", string payerType = "commercial", decimal denied = 500m) => new()
        {
            DenialId = id, PayerId = payer, PayerType = payerType, GroupCode = "CO", Carc = carc, Rarcs = ["N54"],
            ProcedureCode = "99214", ProviderId = "1912345678", PlaceOfService = "11", BilledAmount = denied, DeniedAmount = denied,
            ServiceDate = (remit ?? new DateOnly(2024, 3, 1)).AddDays(-20), RemitDate = remit ?? new DateOnly(2024, 3, 1),
            Recovered = recovered, RecoveredAmount = recovered == true ? denied : recovered == false ? 0 : null,
        };

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "appeals-ml-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>A 6,000-row synthetic history and a model trained on it once for the whole test class.</summary>
public sealed class TrainedModelFixture
{
    public const int Seed = 3;
    public IReadOnlyList<HistoryRecord> Rows { get; }
    public IReadOnlyList<double> Truth { get; }
    public RecoveryModel Model { get; }
    public static TrainingOptions Options { get; } = new() { Seed = Seed, Iterations = 120, Threads = 1 };

    public TrainedModelFixture()
    {
        (Rows, Truth) = SyntheticHistory.Generate(6000, Seed);
        Model = new RecoveryTrainer(CarcCatalog.Shipped, TimeProvider.System).Train(Rows, Options, "synthetic");
    }
}
