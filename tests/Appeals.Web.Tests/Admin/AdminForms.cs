using Appeals.Web.Tests.Hosting;

namespace Appeals.Web.Tests.Admin;

/// <summary>Posting the admin pages' forms as a browser does: with the page's antiforgery token.</summary>
internal static class AdminForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var ct = TestContext.Current.CancellationToken;
        var token = DemoAppFactory.AntiforgeryToken(await client.GetStringAsync(page, ct));
        return await client.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]), ct);
    }
}
