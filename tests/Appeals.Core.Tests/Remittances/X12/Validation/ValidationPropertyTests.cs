using Appeals.Core.Remittances.X12;
using Appeals.Core.Remittances.X12.Validation;
using CsCheck;

namespace Appeals.Core.Tests.Remittances.X12.Validation;

/// <summary>What the project's own writer makes passes every rule; any edit of it gives findings, never an exception.</summary>
public class ValidationPropertyTests
{
    [Fact]
    public void Validate_FilesWrittenByTheProjectsWriter_HaveNoFindings()
    {
        Gen.Select(RemittanceGenerator.ARemittance.List[1, 4], RemittanceGenerator.Separators, (r, o) => (r, o))
            .Sample(sample =>
            {
                var bytes = RemittanceGenerator.Write(sample.r, sample.o);
                var result = FileValidation.Read(new MemoryStream(bytes), "written.835");
                Assert.Empty(result.Findings);
                Assert.Equal(sample.r.Count, result.Transactions);
            }, iter: 300);
    }

    [Fact]
    public void Validate_MutatedFiles_GiveLocatedFindingsAndNeverThrow()
    {
        var seeds = new[]
        {
            System.Text.Encoding.ASCII.GetBytes(RuleFixtures.Valid),
            RemittanceGenerator.Write(Check.Single(RemittanceGenerator.ARemittance.List[3, 3]), new X12WriteOptions()),
        };
        Gen.Select(Gen.Int[0, seeds.Length - 1], Mutations.Many, (i, m) => (i, m))
            .Sample(sample =>
            {
                var mutated = Mutations.Apply(seeds[sample.i], sample.m);
                var result = FileValidation.Read(new MemoryStream(mutated), "mutated.835"); // an exception fails the property
                Assert.All(result.Findings, f => Assert.True(f.Segment >= 0 && f.Offset >= 0 && f.Offset <= mutated.Length, f.ToString()));
                Assert.All(result.Findings, f => Assert.Contains(f.Rule, X12Rules.All.Select(r => r.Id)));
                Assert.True(result.RefusedTransactions <= result.Transactions);
            }, iter: 2000, print: s => $"{s.i}: {string.Join(", ", s.m)}");
    }
}
