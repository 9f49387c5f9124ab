using System.Globalization;
using System.Text;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Demo;

/// <summary>Writes a demo data set as 835 files, one interchange per remittance, named by payment date and payer.</summary>
public static class DemoFileWriter
{
    /// <summary>Writes every remittance of the set into <paramref name="directory"/> (created when missing) and returns the paths, in order.</summary>
    public static IReadOnlyList<string> Write(DemoDataSet data, string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>(data.Remittances.Count);
        var interchange = 0;
        foreach (var remittance in data.Remittances)
        {
            interchange++;
            var date = remittance.PaymentDate!.Value;
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}-{remittance.Payer!.Identifier}.835"));
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                var options = new X12WriteOptions
                {
                    SenderId = remittance.Payer.Identifier.Replace("-", "", StringComparison.Ordinal),
                    ReceiverId = "DEMOVALLEYMG",
                    InterchangeDate = new DateTimeOffset(date.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero),
                };
                new Remittance835Writer(writer, options).WriteInterchange([remittance], interchange);
            }
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>Generates with <paramref name="options"/> and writes the files and <see cref="DemoContracts.FileName"/>: the one call the CLI and the web app make.</summary>
    public static (DemoDataSet Data, IReadOnlyList<string> Files) GenerateInto(string directory, DemoOptions options)
    {
        var data = DemoRemittanceGenerator.Generate(options);
        var files = Write(data, directory);
        // The demo payers' synthetic fee schedules travel with the files (a folder import passes CSVs over).
        DemoContracts.Write(directory, options);
        return (data, files);
    }
}
