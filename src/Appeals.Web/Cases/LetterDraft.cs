using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Appeals.Web.Cases;

/// <summary>
/// What a specialist typed into a letter that could not be generated, carried through the redirect back to the
/// case page in TempData (a Data Protection-encrypted cookie) so that nothing typed is lost.
/// </summary>
public static class LetterDraft
{
    private const string Key = "LetterDraft";

    public static void Keep(ITempDataDictionary tempData, IReadOnlyDictionary<string, string> fields) =>
        tempData[Key] = JsonSerializer.Serialize(fields);

    public static IReadOnlyDictionary<string, string> Read(ITempDataDictionary tempData) =>
        tempData[Key] is string json ? JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [] : new Dictionary<string, string>();
}
