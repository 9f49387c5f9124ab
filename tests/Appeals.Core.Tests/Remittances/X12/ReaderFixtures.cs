using System.Text;

namespace Appeals.Core.Tests.Remittances.X12;

/// <summary>The project's own synthetic 835 fixtures (Remittances/Fixtures), found from the repository root so they stay byte-exact.</summary>
internal static class ReaderFixtures
{
    private static readonly string Folder = Locate();

    internal static string PathOf(string name) => Path.Combine(Folder, name);

    internal static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    internal static CorpusRead Read(string name) => CorpusRead.Run(PathOf(name));

    internal static CorpusRead ReadText(string text, string name = "inline.835") =>
        CorpusRead.Run(new MemoryStream(Encoding.UTF8.GetBytes(text)), name);

    /// <summary>0-based byte offset of <paramref name="segmentStart"/> in the fixture, to check located issues independently.</summary>
    internal static long OffsetOf(string name, string segmentStart)
    {
        var bytes = Bytes(name);
        var offset = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(segmentStart));
        Assert.True(offset >= 0, $"'{segmentStart}' is not in {name}");
        return offset;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Appeals.sln")))
                return Path.Combine(dir.FullName, "tests", "Appeals.Core.Tests", "Remittances", "Fixtures");
        throw new DirectoryNotFoundException("Appeals.sln not found above " + AppContext.BaseDirectory);
    }
}
