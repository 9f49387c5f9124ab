using System.Globalization;
using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Bench;

/// <summary>
/// Writes the 835 files that bench/import-path.sh imports with the built `appeals` command (issue 11). Generating
/// is not measured. Shapes: unique ids; every CLP07 "0" (payers that send a constant); one transaction holding
/// every claim. With --followup P it also writes a later ERA paying P % of the denied claims in full.
/// </summary>
internal sealed class EraFilesScenario : IBenchScenario
{
    public string Name => "era-files";
    public string Description => "write bench 835s --out DIR [--claims N=1000000] [--per-transaction K=500-2000] [--shape unique|clp07-zero|single] [--followup P=10] [--seed S=1]";

    public Task<int> RunAsync(string[] args)
    {
        var folder = Text(args, "--out") ?? throw new ArgumentException("--out DIR is required");
        var claims = Number(args, "--claims", 1_000_000);
        var shape = Text(args, "--shape") ?? "unique";
        var followup = Number(args, "--followup", 10);
        var seed = Number(args, "--seed", 1);
        if (shape is not ("unique" or "clp07-zero" or "single")) throw new ArgumentException($"unknown --shape {shape}");
        // Transactions of 500-2,000 claims, as the target names; "single" puts every claim in one ST..SE.
        var perTransaction = shape == "single" ? claims : Number(args, "--per-transaction", 0);
        Directory.CreateDirectory(folder);

        var era = new SyntheticEra(seed) { PayerClaimNumberOverride = shape == "clp07-zero" ? "0" : null };
        var denied = new List<DeniedClaim>();
        var file = Path.Combine(folder, $"era-{shape}-{claims}.835");
        Write(file, era.Transactions(claims, perTransaction, denied));
        Console.WriteLine($"{file}: {claims:N0} claims, {denied.Count:N0} denied, {new FileInfo(file).Length / (1024 * 1024)} MB");
        if (followup > 0)
        {
            var paid = Path.Combine(folder, $"era-{shape}-{claims}-followup.835");
            var count = Write(paid, SyntheticEra.FollowUp(denied, followup, seed));
            Console.WriteLine($"{paid}: pays {count:N0} of the denied claims");
        }
        return Task.FromResult(0);
    }

    private static int Write(string file, IEnumerable<Remittance> transactions)
    {
        var claims = 0;
        using var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false), 1 << 20);
        new Remittance835Writer(writer).WriteInterchange(transactions.Select(t => { claims += t.Claims.Count; return t; }));
        return claims;
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Number(string[] args, string name, int fallback) =>
        Text(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
