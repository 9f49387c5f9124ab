using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Tests.Outcomes;

public class RedenialLinksTests : IDisposable
{
    private readonly TestDatabase _test = new();

    public void Dispose() => _test.Dispose();

    private async Task Import(string name, string x12)
    {
        await using var db = _test.Open();
        await EraImport.RunAsync(db, _test.Folder, name, x12);
    }

    private async Task<List<(long Id, string Number, long? Earlier)>> Cases()
    {
        await using var db = _test.Open();
        return (await db.DenialCases.AsNoTracking().OrderBy(c => c.DenialDate).Select(c => new { c.Id, c.PayerClaimControlNumber, c.EarlierCaseId }).ToListAsync(TestContext.Current.CancellationToken))
            .Select(c => (c.Id, c.PayerClaimControlNumber, c.EarlierCaseId)).ToList();
    }

    [Fact]
    public async Task ReDenialOnALaterEra_OpensACaseLinkedToTheEarlierCase()
    {
        await Import("denial.835", EraFixtures.Denial());
        await Import("redenial.835", EraFixtures.ReDenial());

        var cases = await Cases();
        Assert.Equal(2, cases.Count);
        Assert.Equal((EraFixtures.OriginalClaimNumber, (long?)null), (cases[0].Number, cases[0].Earlier));
        Assert.Equal(("PCN900003", (long?)cases[0].Id), (cases[1].Number, cases[1].Earlier));
    }

    [Fact]
    public async Task OppositeOrder_LinksTheSameWay()
    {
        await Import("redenial.835", EraFixtures.ReDenial());
        await Import("denial.835", EraFixtures.Denial());

        var cases = await Cases();
        Assert.Equal(2, cases.Count);
        Assert.Null(cases[0].Earlier); // the first denial, imported second
        Assert.Equal(cases[0].Id, cases[1].Earlier);
    }

    [Fact]
    public async Task ADenialThenAPayment_LinksNothing()
    {
        await Import("denial.835", EraFixtures.Denial());
        await Import("corrected.835", EraFixtures.ReversalAndCorrectedClaim());

        Assert.All(await Cases(), c => Assert.Null(c.Earlier));
    }
}
