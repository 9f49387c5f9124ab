using Appeals.Core.Remittances;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Tests.Remittances;

public class Remittance835WriterTests
{
    [Fact]
    public void WriteTransaction_CountsEverySegmentInSe01()
    {
        var remittance = new Remittance
        {
            ContentHash = "",
            TransactionControlNumber = "0001",
            PaymentAmount = 100m,
            TraceNumber = "T1",
            Payer = new Payer { Identifier = "P1", Name = "DEMO PAYER" },
            Claims =
            [
                new ClaimPayment
                {
                    PatientControlNumber = "PCN1", StatusCode = 1, ChargeAmount = 250m, PaymentAmount = 100m,
                    ServiceLines = [new ServiceLine { ProcedureCode = "99213", ChargeAmount = 250m, PaidAmount = 100m }],
                },
            ],
        };
        var text = new StringWriter();

        new Remittance835Writer(text).WriteTransaction(remittance, "0001");

        var segments = text.ToString().Split('~', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("ST*835*0001", segments[0]);
        Assert.Equal($"SE*{segments.Length}*0001", segments[^1]);
        Assert.Contains("CLP*PCN1*1*250*100", segments);
        Assert.Contains("SVC*HC:99213*250*100", segments);
    }
}
