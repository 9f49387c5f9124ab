using Appeals.Core.Contracts;
using Appeals.Core.Demo;
using Appeals.Core.Remittances;
using Appeals.Core.Tests.Builders;

namespace Appeals.Core.Tests.Contracts;

/// <summary>The demo's synthetic contracts show both kinds of rate: fixed amounts, and a percentage of a named base schedule.</summary>
public sealed class DemoContractsTests
{
    [Fact]
    public async Task DemoContracts_OnePayerAtAPercentageOfTheBaseSchedule_ImportsAndPricesFromTheBase()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("appeals-demo-contracts-").FullName;
        try
        {
            var options = new DemoOptions();
            var path = DemoContracts.Write(folder, options);
            var header = (await File.ReadAllLinesAsync(path, ct))[0];
            Assert.Equal("payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to,base_schedule,percent_of_base", header);
            var percent = Assert.Single(DemoContracts.For(options), r => r.PayerId == DemoContracts.PercentOfBasePayer);
            Assert.Equal((PayerContract.AnyCode, DemoContracts.BaseSchedule, 130.952m), (percent.ProcedureCode, percent.BaseSchedule, percent.PercentOfBase));

            await using var database = await TestDatabase.CreateAsync();
            await using (var db = database.Open())
                await new ContractImporter(db, TimeProvider.System).ImportAsync(path, "cli:test", ct);

            await using var read = database.Open();
            var schedule = await ContractSchedule.LoadAsync(read, new Payer { Identifier = DemoContracts.PercentOfBasePayer, Name = "DEMO NORTHWIND HMO" }, ct);
            Assert.NotNull(schedule);
            // 99213 lists at 145.00: base = 145 x 0.42 x 0.93 = 56.64; x 130.952 % = 74.17 (its own ratio: 145 x 0.55 x 0.93 = 74.17).
            var rate = schedule.Price("99213", "", options.FirstServiceDate, out var perUnit, out var basis, out _);
            Assert.Equal((DemoContracts.BaseSchedule, 56.64m, 74.17m), (rate?.BaseSchedule, basis?.AllowedAmount, perUnit));
            // A modifier's base row is followed too (97110 GP).
            Assert.NotNull(schedule.Price("97110", "GP", options.FirstServiceDate, out _, out var gp, out _));
            Assert.Equal("GP", gp?.Modifier);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
