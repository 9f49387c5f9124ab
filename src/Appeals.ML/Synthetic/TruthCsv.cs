using System.Globalization;
using Appeals.Core.Exports;
using CsvHelper;

namespace Appeals.ML.Synthetic;

/// <summary>The generator's answer key: <c>denial_id,true_probability</c>.</summary>
public static class TruthCsv
{
    public static void Write(string path, IEnumerable<string> ids, IReadOnlyList<double> probabilities)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        using var csv = new SpreadsheetSafeCsvWriter(writer);
        csv.WriteField("denial_id"); csv.WriteField("true_probability"); csv.NextRecord();
        var i = 0;
        foreach (var id in ids)
        {
            csv.WriteField(id);
            csv.WriteField(probabilities[i++].ToString("R", CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }

    public static Dictionary<string, double> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read(); csv.ReadHeader();
        var truth = new Dictionary<string, double>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var id = csv.GetField(0) ?? "";
            if (!double.TryParse(csv.GetField(1), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || p is < 0 or > 1)
                throw new FormatException($"{Path.GetFileName(path)}: line {csv.Parser.RawRow}, column true_probability: not a probability");
            truth[id] = p;
        }
        return truth;
    }
}
