using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Hosting;

/// <summary>
/// The real web app on its own temp SQLite file (and key ring) with Demo:Seed on, so start-up
/// migrates, creates the demo users and imports generated demo data exactly as a first run does.
/// One instance is shared by the tests of a class.
/// </summary>
public class DemoAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Demo-Password-2026";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "appeals-web-tests", Guid.NewGuid().ToString("N"));

    public string Folder => _folder;

    /// <summary>Whether Admins must sign in with a second factor (the app's default outside these tests, ADR 0088).</summary>
    protected virtual bool RequireAdminTwoFactor => false;
    public string DatabaseFile => Path.Combine(_folder, "appeals.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Appeals", $"Data Source={DatabaseFile}");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Claims", "400");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_folder, "keys"));
        builder.UseSetting("Storage:Path", Path.Combine(_folder, "files"));
        builder.UseSetting("Hangfire:SqlitePath", Path.Combine(_folder, "hangfire.db"));
        // A retraining started by a test publishes here, never into a shipped model folder.
        builder.UseSetting("Models:Path", Path.Combine(_folder, "models"));
        // Tests sign in and upload far faster than people; the limits have their own test (TransportSecurityTests).
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Security:UploadsPerMinute", "100000");
        // The demo admin signs in with a password only; TwoFactorTests turns the requirement on and drives it over HTTP.
        builder.UseSetting("Security:RequireAdminTwoFactor", RequireAdminTwoFactor ? "true" : "false");
        builder.UseSetting("Letters:Fields:PracticeAddress", "1 Demo Way, Sampletown");
        builder.UseSetting("Letters:Fields:AppellantName", "Demo Clinic billing office");
        builder.UseSetting("Letters:Fields:AppellantContact", "555-0100, billing@example.test");
    }

    /// <summary>A client signed in through the real login form as the demo user of <paramref name="role"/> (specialist, manager, auditor, admin).</summary>
    /// <summary>An open demo case whose route writes to the payer (an appeal or a corrected claim's cover letter).</summary>
    public async Task<long> CaseOnALetterRouteAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var cases = await scope.ServiceProvider.GetRequiredService<Appeals.Core.Persistence.AppealsDbContext>().DenialCases
            .Where(c => c.Status == Appeals.Core.Denials.DenialCaseStatus.Open).OrderBy(c => c.Id).Take(200).ToListAsync();
        return cases.First(c => Appeals.Workflows.Routing.WorkflowRoutes.SendsLetter(Appeals.Workflows.Routing.WorkflowRoutes.Current(c))).Id;
    }

    /// <summary>Generates a letter on <paramref name="caseId"/> with every specialist field filled in; its id.</summary>
    public async Task<long> GenerateLetterAsync(long caseId)
    {
        await using var scope = Services.CreateAsyncScope();
        var fields = new[] { "Argument", "ClinicalSummary", "Enclosures", "GroupNumber", "AuthorizationNumber", "OriginalSubmissionDate", "ProofOfSubmission", "CorrectionSummary", "SignatureName" }
            .ToDictionary(f => f, f => "synthetic " + f);
        var letter = await scope.ServiceProvider.GetRequiredService<Appeals.Workflows.Letters.CaseLetters>().GenerateAsync(caseId, fields, "test", ct: TestContext.Current.CancellationToken);
        Assert.True(letter.Succeeded, string.Join("; ", letter.Errors));
        return letter.Letter!.Id;
    }

    public async Task<HttpClient> SignedInClientAsync(string role, bool followRedirects = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        var response = await SignInAsync(client, role.ToLowerInvariant(), Password);
        AssertSignedIn(response, role);
        return client;
    }

    /// <summary>
    /// Fails at the sign-in, with what the app answered, rather than later with a page that is only the sign-in form: a test
    /// that counts or reads what a signed-in page does would otherwise fail far from its cause.
    /// </summary>
    private static void AssertSignedIn(HttpResponseMessage response, string role)
    {
        var landed = response.Headers.Location?.OriginalString ?? response.RequestMessage?.RequestUri?.AbsolutePath ?? "";
        var ok = response.StatusCode is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.Found or System.Net.HttpStatusCode.Redirect
            && !landed.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase);
        if (!ok)
            Assert.Fail($"Signing in as {role} did not work: {(int)response.StatusCode} {response.StatusCode}, at {landed}.");
    }

    /// <summary>Posts the login form; returns the response (a redirect when it worked).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var ct = TestContext.Current.CancellationToken;
        var form = await client.GetStringAsync("/Account/Login", ct);
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }), ct);
        return response;
    }

    /// <summary>Claims a case through the queue page's form (its version as the page showed it); the page answered.</summary>
    public static async Task<string> ClaimAsync(HttpClient client, string queuePage, long id, Guid version)
    {
        var ct = TestContext.Current.CancellationToken;
        var response = await client.PostAsync($"/Queue/Claim/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["version"] = version.ToString(),
            ["__RequestVerificationToken"] = AntiforgeryToken(queuePage),
        }), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }

    /// <summary>Exports appeal timelines as the Audit page's form does: a POST with the format and reason in the body.</summary>
    public static async Task<HttpResponseMessage> ExportTimelineAsync(HttpClient auditor, string format, string reason)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await auditor.GetStringAsync("/Audit", ct);
        var response = await auditor.PostAsync("/Audit/Export", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Format"] = format, ["Reason"] = reason, ["__RequestVerificationToken"] = AntiforgeryToken(page),
        }), ct);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>The antiforgery token of the first form in a page.</summary>
    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, @"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("No antiforgery token in the page");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* the OS temp cleanup gets it */ }
    }
}
