using Appeals.ML.History;

namespace Appeals.ML.Tests.History;

public sealed class HistoryCsvTests
{
    private const string Header = "denial_id,payer_id,payer_type,group_code,carc,rarc,procedure_code,provider_id,place_of_service,billed_amount,denied_amount,service_date,remit_date,outcome,recovered_amount";
    private const string Good = "D1,60001,commercial,CO,197,N54;M76,99214,1912345678,11,500.00,450.50,2024-01-02,2024-02-01,recovered,450.50";

    private static List<HistoryRecord> Read(string text, bool requireOutcome = true) =>
        HistoryCsv.Read(new StringReader(text), "test.csv", requireOutcome);

    [Fact]
    public void Read_GoodRow_KeepsEveryColumn()
    {
        var row = Assert.Single(Read($"{Header}\n{Good}\n"));
        Assert.Equal(("D1", "60001", "commercial", "CO", "197"), (row.DenialId, row.PayerId, row.PayerType, row.GroupCode, row.Carc));
        Assert.Equal(["N54", "M76"], row.Rarcs);
        Assert.Equal(450.50m, row.DeniedAmount);
        Assert.Equal(new DateOnly(2024, 2, 1), row.RemitDate);
        Assert.True(row.Label);
    }

    [Fact]
    public void WriteThenRead_GivesTheSameRows()
    {
        var rows = new[] { TestHistory.Row("A"), TestHistory.Row("B", recovered: false), TestHistory.Row("C", recovered: null) };
        var text = new StringWriter();
        HistoryCsv.Write(text, rows);
        var back = Read(text.ToString(), requireOutcome: false);
        Assert.Equal(rows.Select(r => (r.DenialId, r.Recovered, r.RecoveredAmount, r.DeniedAmount, string.Join(';', r.Rarcs))),
            back.Select(r => (r.DenialId, r.Recovered, r.RecoveredAmount, r.DeniedAmount, string.Join(';', r.Rarcs))));
        Assert.StartsWith(Header, text.ToString());
    }

    [Theory]
    [InlineData("D2,60001,commercial,CO,197,,99214,P,11,500,abc,2024-01-02,2024-02-01,recovered,1", "denied_amount")]
    [InlineData("D2,60001,commercial,CO,197,,99214,P,11,500,10,2024-13-02,2024-02-01,recovered,1", "service_date")]
    [InlineData("D2,60001,insurer,CO,197,,99214,P,11,500,10,2024-01-02,2024-02-01,recovered,1", "payer_type")]
    [InlineData("D2,60001,commercial,CO,197,,99214,P,11,500,10,2024-01-02,2024-02-01,maybe,1", "outcome")]
    [InlineData("D2,60001,commercial,CO,,,99214,P,11,500,10,2024-01-02,2024-02-01,recovered,1", "carc")]
    [InlineData("D2,60001,commercial,CO,197,,99214,P,11,500,-4,2024-01-02,2024-02-01,recovered,1", "denied_amount")]
    [InlineData("D2,60001,commercial,CO,197", "rarc")]
    public void Read_BadRow_IsRefusedWithItsLineAndColumn(string bad, string column)
    {
        var e = Assert.Throws<HistoryFormatException>(() => Read($"{Header}\n{Good}\n{bad}\n"));
        Assert.Equal(3, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Read_MissingOutcomeForTraining_IsRefused_ButAcceptedForScoring()
    {
        var unscored = Good.Replace("recovered,450.50", ",");
        Assert.Equal("outcome", Assert.Throws<HistoryFormatException>(() => Read($"{Header}\n{unscored}\n")).Column);
        Assert.Null(Assert.Single(Read($"{Header}\n{unscored}\n", requireOutcome: false)).Recovered);
    }

    [Fact]
    public void Read_DuplicateDenialId_IsRefused()
    {
        var e = Assert.Throws<HistoryFormatException>(() => Read($"{Header}\n{Good}\n{Good}\n"));
        Assert.Equal(("denial_id", 3L), (e.Column, e.Line));
    }

    [Fact]
    public void Read_HeaderWithoutAColumn_NamesIt()
    {
        var e = Assert.Throws<HistoryFormatException>(() => Read(Header.Replace(",rarc", "") + "\n"));
        Assert.Equal("rarc", e.Column);
    }
}
