using System.IO.Compression;
using System.Text;

namespace Appeals.Tests.Shared;

/// <summary>A .docx (a zip of XML parts) changed part by part, as an attacker would change a template before uploading it.</summary>
public static class DocxParts
{
    /// <summary><paramref name="docx"/> with its zip changed by <paramref name="change"/>.</summary>
    public static byte[] Altered(byte[] docx, Action<ZipArchive> change)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        return stream.ToArray();
    }

    public static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>Replaces (or adds) the part <paramref name="name"/> with <paramref name="text"/>, UTF-8 without a BOM.</summary>
    public static void Write(ZipArchive zip, string name, string text)
    {
        zip.GetEntry(name)?.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
