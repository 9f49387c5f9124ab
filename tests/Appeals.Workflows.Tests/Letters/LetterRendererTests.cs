using Appeals.Workflows.Letters;
using Appeals.Workflows.Tests.Support;
using DocumentFormat.OpenXml.Packaging;

namespace Appeals.Workflows.Tests.Letters;

public sealed class LetterRendererTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["PatientName"] = "Testa Synthetic", ["MemberId"] = "SYN000001", ["PracticeName"] = "Example Clinic",
        ["ClaimNumber"] = "PCN-1", ["DeniedAmount"] = "$250.00",
    };

    [Fact]
    public void Render_SplitPlaceholdersInBodyHeaderAndFooter_AreAllFilledAndValid()
    {
        var template = DocxBuilder.Build(
            body: [["Dear payer, re {", "{Pat", "ientName}", "} (member {{ Member", "Id }})."], ["Denied: ", "{{DeniedAmount}}", " in total."]],
            header: ["{{Prac", "ticeName}", "}"],
            footer: ["Claim ", "{", "{ClaimNumber}}"]);

        var rendering = LetterRenderer.Render(template, Values);

        Assert.True(rendering.Succeeded, string.Join("; ", rendering.Errors));
        var parts = DocxBuilder.PartTexts(rendering.Document!);
        Assert.Equal("Dear payer, re Testa Synthetic (member SYN000001).Denied: $250.00 in total.", parts[0]);
        Assert.Equal("Example Clinic", parts[1]);
        Assert.Equal("Claim PCN-1", parts[2]);
        Assert.All(parts, p => Assert.DoesNotContain("{", p));
        using var document = WordprocessingDocument.Open(new MemoryStream(rendering.Document!), false);
        Assert.Empty(LetterRenderer.Validate(document));
    }

    [Fact]
    public void Render_UnknownPlaceholder_FailsNamingIt()
    {
        var template = DocxBuilder.Build([["Hello {{Patient", "Nickname}} and {{PatientName}}"]]);

        var rendering = LetterRenderer.Render(template, Values);

        Assert.False(rendering.Succeeded);
        Assert.Contains("Unknown placeholder {{PatientNickname}}", rendering.Errors);
    }

    [Fact]
    public void Render_UnfilledPlaceholder_FailsNamingItInWords()
    {
        var template = DocxBuilder.Build([["Because {{Argument}}"]], header: ["{{PracticeName}}"]);

        var rendering = LetterRenderer.Render(template, Values);

        Assert.Equal(["Argument (why the denial is wrong) is needed: fill it in."], rendering.Errors);
    }

    [Fact]
    public void Render_NotADocx_IsAnErrorNotAnException() =>
        Assert.False(LetterRenderer.Render([1, 2, 3], Values).Succeeded);

    public static TheoryData<string> Kinds => new(LetterKinds.All);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ShippedTemplate_UsesKnownFieldsAndRendersValid(string kind)
    {
        var path = Path.Combine(LetterTemplateStore.DefaultFolder, kind + ".docx");
        Assert.True(File.Exists(path), path);
        var bytes = File.ReadAllBytes(path);

        var (placeholders, errors) = LetterTemplateStore.Check(bytes);
        var rendering = LetterRenderer.Render(bytes, LetterFields.Known.ToDictionary(f => f, f => "x-" + f));

        Assert.Empty(errors);
        Assert.Equal(LetterTemplateStore.Check(LetterTemplateWriter.Write(kind)).Placeholders, placeholders);
        Assert.True(rendering.Succeeded, string.Join("; ", rendering.Errors));
        Assert.Contains("PatientName", placeholders);
    }

    /// <summary>Regenerates templates/letters when APPEALS_MAKE_TEMPLATES=1 (same as `appeals letters make-templates`).</summary>
    [Fact]
    public void MakeTemplates_WhenAsked()
    {
        var folder = Path.Combine(Repository.Root, "templates", "letters");
        if (Environment.GetEnvironmentVariable("APPEALS_MAKE_TEMPLATES") == "1")
            LetterTemplateWriter.WriteAll(folder);
        Assert.Equal(LetterKinds.All.Order(), Directory.GetFiles(folder, "*.docx").Select(Path.GetFileNameWithoutExtension).Order()!);
    }
}
