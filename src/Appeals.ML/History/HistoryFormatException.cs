namespace Appeals.ML.History;

/// <summary>A history CSV row that cannot be used: says where (line and column) and why, so the file can be fixed.</summary>
public sealed class HistoryFormatException(string file, long line, string column, string problem)
    : Exception($"{file}: line {line}, column {column}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Column { get; } = column;
    public string Problem { get; } = problem;
}
