using System.Net;
using System.Text.RegularExpressions;
using Appeals.Core.Persistence;
using Appeals.Web.Tests.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Identity;

/// <summary>
/// Every route of the app (read from its routing table, so a new route without a rule here fails)
/// × anonymous and each role → allowed, sent to sign in, or refused.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuthorizationMatrixTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] Principals = [Anonymous, "Specialist", "Manager", "Auditor", "Admin"];
    private static readonly string[] Everyone = Principals;
    private static readonly string[] SignedIn = ["Specialist", "Manager", "Auditor", "Admin"];
    private static readonly string[] Workers = ["Specialist", "Manager"];

    /// <summary>Who may use each route ("METHOD pattern" as the routing table spells it).</summary>
    private static readonly Dictionary<string, string[]> Rules = new()
    {
        ["GET /health"] = Everyone,
        ["GET /Account/Login"] = Everyone,
        ["POST /Account/Login"] = Everyone,
        ["GET /Account/AccessDenied"] = Everyone,
        ["POST /Account/Logout"] = SignedIn,
        ["GET /Account/LoginWith2fa"] = Everyone,
        ["POST /Account/LoginWith2fa"] = Everyone,
        ["GET /Account/Password"] = SignedIn,
        ["POST /Account/Password"] = SignedIn,
        ["GET /Account/TwoFactor"] = SignedIn,
        ["POST /Account/TwoFactor"] = SignedIn,
        ["POST /Account/TwoFactor/Disable"] = SignedIn,
        ["GET /"] = SignedIn,
        ["GET /Queue"] = Workers,
        ["POST /Queue/Claim/{id:long}"] = Workers,
        ["POST /Queue/Assign/{id:long}"] = ["Manager"],
        ["GET /Cases"] = Workers,
        ["GET /Cases/{id:long}"] = Workers,
        ["GET /Remittances"] = Workers,
        ["POST /Cases/{id:long}/RevealMemberId"] = Workers,
        ["POST /Cases/{id:long}/Move"] = Workers,
        ["POST /Cases/{id:long}/Letters"] = Workers,
        ["GET /Cases/{id:long}/Letters/{letterId:long}"] = Workers,
        ["GET /Cases/{id:long}/Letters/{letterId:long}/Preview"] = Workers,
        ["POST /Cases/{id:long}/Letters/{letterId:long}/SignOff"] = Workers,
        ["POST /Cases/{id:long}/Notes"] = Workers,
        ["POST /Cases/{id:long}/Attachments"] = Workers,
        ["GET /Cases/{id:long}/Attachments/{attachmentId:long}"] = Workers,
        ["GET /Dashboard"] = ["Manager", "Admin"],
        ["GET /Dashboard/Definitions"] = ["Manager", "Admin"],
        ["GET /Dashboard/Chart/{name}.{format}"] = ["Manager", "Admin"],
        ["GET /Dashboard/Data/{name}.{format}"] = ["Manager", "Admin"],
        ["GET /Admin"] = ["Admin"],
        ["GET /hangfire/{**path}"] = ["Admin"],
        ["POST /hangfire/{**path}"] = ["Admin"],
        ["POST /Admin/Users"] = ["Admin"],
        ["POST /Admin/Users/{id}/Lock"] = ["Admin"],
        ["POST /Admin/Users/{id}/ResetTwoFactor"] = ["Admin"],
        ["GET /Admin/Rules"] = ["Admin"],
        ["GET /Admin/Contracts"] = ["Admin"],
        ["POST /Admin/Contracts"] = ["Admin"],
        ["GET /Dashboard/Payers"] = ["Manager", "Admin"],
        ["GET /Dashboard/Payers/Data.{format}"] = ["Manager", "Admin"],
        ["GET /Dashboard/Payers/Months.{format}"] = ["Manager", "Admin"],
        ["GET /Admin/Rules/{payerId:long}/Edit"] = ["Admin"],
        ["POST /Admin/Rules/{payerId:long}"] = ["Admin"],
        ["POST /Admin/Rules/{payerId:long}/{level:int}/Remove"] = ["Admin"],
        ["GET /Admin/Templates"] = ["Admin"],
        ["POST /Admin/Templates"] = ["Admin"],
        ["GET /Admin/Templates/{kind}/{version:int}"] = ["Admin"],
        ["GET /Admin/Model"] = ["Admin"],
        ["POST /Admin/Model/Retrain"] = ["Admin"],
        ["GET /Audit"] = ["Auditor"],
        ["POST /Audit/Export"] = ["Auditor"],
        ["POST /Audit/Verify"] = ["Auditor"],
        ["GET /Imports"] = Workers,
        ["POST /Imports"] = Workers,
        ["GET /Imports/{id:guid}"] = Workers,
        ["GET /Imports/{id:guid}/status"] = Workers,
    };

    /// <summary>Values for route parameters, so that an allowed GET can answer 200.</summary>
    private static readonly Dictionary<string, string> Samples = new()
    {
        ["name"] = "pareto", ["format"] = "png", ["path"] = "",
        ["payerId"] = "1", ["level"] = "1", ["kind"] = "medical_necessity", ["version"] = "0",
    };

    private static IEnumerable<(string Method, string Pattern)> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Distinct();

    [Fact]
    public void EveryRoute_HasAnAuthorizationRule()
    {
        app.CreateClient();
        var missing = Routes(app.Services).Select(r => $"{r.Method} {r.Pattern}").Where(k => !Rules.ContainsKey(k)).ToList();

        Assert.True(missing.Count == 0, "Routes without a rule in AuthorizationMatrixTests.Rules: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryRoute_ForEveryRole_AnswersAsItsRuleSays()
    {
        var ct = TestContext.Current.CancellationToken;
        app.CreateClient();
        var caseId = await app.CaseOnALetterRouteAsync();
        var letterId = (await app.GenerateLetterAsync(caseId)).ToString();
        string attachmentId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<Appeals.Web.Cases.CaseAttachmentStore>()
                .AddAsync(caseId, "matrix.txt", new MemoryStream("synthetic"u8.ToArray()), "test", ct);
            Assert.True(stored.Succeeded, stored.Problem);
            attachmentId = stored.Attachment!.Id.ToString();
        }
        var emptyUpload = Directory.CreateDirectory(Path.Combine(app.Folder, "empty-upload")).FullName;
        var jobId = (await app.Services.GetRequiredService<Appeals.Web.Imports.ImportJobs>().EnqueueAsync("test", [], emptyUpload, ct)).Id.ToString();

        var failures = new List<string>();
        foreach (var principal in Principals)
        {
            // One session per principal: no request here carries an antiforgery token, so none can sign it out.
            using var client = principal == Anonymous
                ? app.CreateClient(new() { AllowAutoRedirect = false })
                : await app.SignedInClientAsync(principal, followRedirects: false);
            foreach (var (method, pattern) in Routes(app.Services).Where(r => Rules.ContainsKey($"{r.Method} {r.Pattern}")))
            {
                var url = Regex.Replace(pattern, @"\{(\*\*)?(\w+)(:[^}]*)?\??\}",
                    m => m.Value == "{id:guid}" ? jobId : m.Groups[2].Value == "letterId" ? letterId : m.Groups[2].Value == "attachmentId" ? attachmentId : m.Groups[2].Value == "id" ? caseId.ToString() : Samples.GetValueOrDefault(m.Groups[2].Value, "x"));
                if (pattern.StartsWith("/Dashboard/Data/") || pattern.StartsWith("/Dashboard/Payers/")) url = url.Replace(".png", ".csv");
                var response = method == "POST"
                    ? await client.PostAsync(url, new FormUrlEncodedContent([]), ct)
                    : await client.GetAsync(url, ct);
                var allowed = Rules[$"{method} {pattern}"].Contains(principal);
                var outcome = Classify(response);
                // Allowed GETs answer; allowed POSTs reach MVC and are refused there for want of an antiforgery token.
                var expected = !allowed ? (principal == Anonymous ? "sign-in" : "refused") : method == "POST" ? "400" : "200";
                if (outcome != expected) failures.Add($"{principal} {method} {url}: expected {expected}, got {outcome}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/Login") => "sign-in",
            HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/AccessDenied") => "refused",
            HttpStatusCode.Unauthorized => "sign-in",
            HttpStatusCode.Forbidden => "refused",
            // A redirect elsewhere (home to the role's page, logout to login, a POST back to its page) means the action ran.
            HttpStatusCode.Redirect or HttpStatusCode.Found => "200",
            var code => ((int)code).ToString(),
        };
    }
}
