using System.Security.Cryptography;
using Appeals.Core.Remittances;
using Appeals.Workflows.Letters;
using Appeals.Workflows.Routing;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Tests.Letters;

public sealed class CaseLettersTests : IDisposable
{
    private readonly TestDatabase _test = new();
    private readonly FixedTime _time = FixedTime.At(2026, 3, 10);

    /// <summary>The appellant's configured fields every letter test renders with.</summary>
    internal static readonly LetterSettings Settings = new()
    {
        Fields = new()
        {
            ["PracticeAddress"] = "1 Example Way, Sampletown", ["AppellantName"] = "Example Clinic billing office",
            ["AppellantContact"] = "555-0100, billing@example.test", ["SignatureName"] = "A. Specialist",
        },
    };

    private static readonly Dictionary<string, string> Entered = new()
    {
        ["Argument"] = "The visit met the payer's policy for medical necessity.",
        ["Enclosures"] = "Office notes; order", ["ClinicalSummary"] = "Synthetic summary.", ["GroupNumber"] = "GRP-1",
    };

    public void Dispose() => _test.Dispose();

    private CaseLetters Letters(Core.Persistence.AppealsDbContext db) =>
        new(db, new LetterTemplateStore(db, LetterTemplateStore.DefaultFolder, _time), Settings, _time);

    [Fact]
    public async Task Generate_StoresTheLetterEncrypted_AndReadsBackTheDocumentItsHashNames()
    {
        var id = await _test.AddCaseAsync(category: "medical_necessity");
        await using (var db = _test.Open())
            Assert.True((await Letters(db).GenerateAsync(id, Entered, "spec1")).Succeeded);

        await using var check = _test.Open();
        var raw = await check.Database.SqlQueryRaw<byte[]>("SELECT Content AS Value FROM AppealLetters").SingleAsync();
        var letter = await check.AppealLetters.SingleAsync();
        Assert.False(raw.AsSpan().StartsWith("PK"u8)); // a .docx is a zip; the stored bytes are Data Protection ciphertext (ADR 0071)
        Assert.True(letter.Content.AsSpan().StartsWith("PK"u8));
        Assert.Equal(letter.Sha256, Convert.ToHexStringLower(SHA256.HashData(letter.Content)));
    }

    [Fact]
    public async Task Generate_TheLetterToThePayer_CarriesNoInternalDeadlineBasisNorASignatureClaim()
    {
        var id = await _test.AddCaseAsync(category: "medical_necessity");
        await using var db = _test.Open();

        var result = await Letters(db).GenerateAsync(id, Entered, "spec1");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var denial = await db.DenialCases.SingleAsync(c => c.Id == id);
        Assert.NotEmpty(denial.DeadlineBasis);
        var text = string.Join("\n", DocxBuilder.PartTexts(result.Letter!.Content));
        Assert.DoesNotContain(denial.DeadlineBasis, text);
        Assert.DoesNotContain("[shipped]", text);
        Assert.DoesNotContain("Signed by", text);
        Assert.Contains("Printed name: A. Specialist", text);
    }

    [Fact]
    public async Task Needs_AreTheSpecialistFieldsOfTheCasesTemplate_InFormOrder()
    {
        var id = await _test.AddCaseAsync(category: "medical_necessity");
        await using var db = _test.Open();
        var denial = await db.DenialCases.Include(c => c.Payer).SingleAsync(c => c.Id == id);

        var needs = await Letters(db).NeedsAsync(denial, denial.Payer!.PayerType);

        Assert.Equal(LetterKinds.MedicalNecessity, needs!.Kind);
        Assert.Equal(["Argument", "ClinicalSummary", "Enclosures", "GroupNumber"], needs.Fields);
    }

    [Fact]
    public async Task Needs_FollowANewlyUploadedTemplateVersion_ThoughEachVersionIsScannedOnce()
    {
        var id = await _test.AddCaseAsync(category: "medical_necessity");
        await using var db = _test.Open();
        var denial = await db.DenialCases.Include(c => c.Payer).SingleAsync(c => c.Id == id, TestContext.Current.CancellationToken);
        var store = new LetterTemplateStore(db, LetterTemplateStore.DefaultFolder, _time);

        var shipped = await Letters(db).NeedsAsync(denial, denial.Payer!.PayerType, TestContext.Current.CancellationToken);
        var again = await Letters(db).NeedsAsync(denial, denial.Payer!.PayerType, TestContext.Current.CancellationToken);
        var (uploaded, errors) = await store.UploadAsync(LetterKinds.MedicalNecessity,
            DocxBuilder.Build([["Appeal for {{PatientName}}: {{Argument}}", "Group {{GroupNumber}}"]]), "admin", TestContext.Current.CancellationToken);
        var afterUpload = await Letters(db).NeedsAsync(denial, denial.Payer!.PayerType, TestContext.Current.CancellationToken);

        Assert.Empty(errors);
        Assert.NotNull(uploaded);
        Assert.Equal(shipped!.Fields, again!.Fields);
        Assert.Equal(["Argument", "GroupNumber"], afterUpload!.Fields);
        Assert.Equal(new HashSet<string>(["Argument", "GroupNumber", "PatientName"]), await store.CurrentPlaceholdersAsync(LetterKinds.MedicalNecessity, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Generate_StoresEachRenderingAsANewVersionWithItsHash()
    {
        var id = await _test.AddCaseAsync(category: "medical_necessity");
        await using var db = _test.Open();

        var first = await Letters(db).GenerateAsync(id, Entered, "spec1");
        var second = await Letters(db).GenerateAsync(id, Entered, "spec1");

        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal((LetterKinds.MedicalNecessity, 1, 2), (first.Letter!.Kind, first.Letter.VersionNumber, second.Letter!.VersionNumber));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first.Letter.Content)), first.Letter.Sha256);
        var text = string.Join("\n", DocxBuilder.PartTexts(first.Letter.Content));
        Assert.Contains("Testa Synthetic", text);
        Assert.Contains("March 10, 2026", text);
        Assert.DoesNotContain("{{", text);
    }

    [Fact]
    public async Task Generate_ForACaseOnARouteWithoutALetter_IsRefusedNamingTheRoute_UnlessTheKindIsNamed()
    {
        var id = await _test.AddCaseAsync(category: "eligibility_registration"); // re-verify eligibility or bill the other payer
        await using var db = _test.Open();

        var refused = await Letters(db).GenerateAsync(id, Entered, "spec1");
        var named = await Letters(db).GenerateAsync(id, Entered, "spec1", LetterKinds.CommercialInternalAppeal);

        Assert.Contains("eligibility other payer route, which sends the payer no letter", Assert.Single(refused.Errors));
        Assert.True(named.Succeeded, string.Join("; ", named.Errors));
        Assert.Equal(1, await db.AppealLetters.CountAsync());
    }

    [Fact]
    public async Task Generate_WithoutTheArgumentAndGroupNumber_FailsNamingTheFieldsInWords()
    {
        var id = await _test.AddCaseAsync(category: "medical_necessity");
        await using var db = _test.Open();

        var result = await Letters(db).GenerateAsync(id, new Dictionary<string, string>(), "spec1");

        Assert.Contains("Argument (why the denial is wrong) is needed: fill it in.", result.Errors);
        Assert.Contains("Group number is needed: fill it in.", result.Errors);
        Assert.Equal(0, await db.AppealLetters.CountAsync());
    }

    [Fact]
    public async Task MedicareCase_GetsTheRedeterminationWithTheMedicareNumber()
    {
        var id = await _test.AddCaseAsync(payerType: PayerTypes.Medicare);
        await using var db = _test.Open();

        var result = await Letters(db).GenerateAsync(id, Entered, "spec1");

        Assert.Equal(LetterKinds.MedicareRedetermination, result.Letter?.Kind);
        Assert.Contains("2. Medicare number: SYN000001", string.Join("\n", DocxBuilder.PartTexts(result.Letter!.Content)));
    }

    [Fact]
    public async Task SignOff_IsNeededToSubmit_AndOnlyTheNewestVersionCanBeSigned()
    {
        var id = await _test.AddCaseAsync();
        await using var db = _test.Open();
        var workflow = new CaseWorkflow(db, WorkflowDefinitions.Shipped, _time);
        Assert.True((await workflow.FireAsync(id, "start", new("spec1"))).Succeeded);
        var v1 = (await Letters(db).GenerateAsync(id, Entered, "spec1")).Letter!;
        Assert.Equal(WorkflowErrorCode.GuardFailed, (await workflow.FireAsync(id, "sign_off", new("spec1"))).Error?.Code);
        var v2 = (await Letters(db).GenerateAsync(id, Entered, "spec1")).Letter!;

        Assert.False((await Letters(db).SignOffAsync(v1.Id, "spec1")).Succeeded);
        Assert.True((await Letters(db).SignOffAsync(v2.Id, "spec1")).Succeeded);

        Assert.True((await workflow.FireAsync(id, "sign_off", new("spec1"))).Succeeded);
        Assert.True((await workflow.FireAsync(id, "submit", new("spec1"))).Succeeded);
    }

    [Fact]
    public async Task Upload_ChecksTheTemplateBeforeItIsUsed()
    {
        var id = await _test.AddCaseAsync(category: "medical_necessity");
        await using var db = _test.Open();
        var store = new LetterTemplateStore(db, LetterTemplateStore.DefaultFolder, _time);

        var (_, notDocx) = await store.UploadAsync(LetterKinds.MedicalNecessity, [1, 2, 3], "admin");
        var (_, unknown) = await store.UploadAsync(LetterKinds.MedicalNecessity, DocxBuilder.Build([["{{PatientName}} {{Shoe", "Size}}"]]), "admin");
        var (accepted, none) = await store.UploadAsync(LetterKinds.MedicalNecessity, DocxBuilder.Build([["Appeal for {{Patient", "Name}}: {{Argument}}"]]), "admin");

        Assert.NotEmpty(notDocx);
        Assert.Equal(["Unknown placeholder {{ShoeSize}}"], unknown);
        Assert.Empty(none);
        Assert.Equal(1, accepted!.Version);
        var letter = (await Letters(db).GenerateAsync(id, Entered, "spec1")).Letter!;
        Assert.Equal(1, letter.TemplateVersion);
        Assert.Equal("Appeal for Testa Synthetic: The visit met the payer's policy for medical necessity.", DocxBuilder.PartTexts(letter.Content)[0]);
    }
}
