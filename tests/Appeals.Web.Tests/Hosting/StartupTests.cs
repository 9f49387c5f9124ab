using System.Net;
using Appeals.Core.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Hosting;

[Collection(WebCollection.Name)]
public sealed class StartupTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task Health_Anonymous_AnswersOk()
    {
        var response = await app.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FirstStart_WithDemoSeed_ImportsDemoDataIntoTheEmptyDatabase()
    {
        app.CreateClient();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();

        Assert.True(await db.Remittances.CountAsync(TestContext.Current.CancellationToken) > 0);
        Assert.True(await db.ClaimPayments.CountAsync(TestContext.Current.CancellationToken) >= 400);
        Assert.True(await db.DenialCases.CountAsync(TestContext.Current.CancellationToken) > 0);
        Assert.Equal(0, await db.ImportedFiles.CountAsync(f => f.Status != Core.Imports.ImportStatus.Imported, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SecondStart_OnAFilledDatabase_ImportsNothingMore()
    {
        app.CreateClient();
        var before = await CountRemittancesAsync(app.Services);

        // A second host on the same database file, as when the app is restarted. Another demo seed, so that
        // seeding again would add new files rather than duplicates of the first ones.
        await using var restarted = app.WithWebHostBuilder(b => b.UseSetting("Demo:RandomSeed", "99"));
        restarted.CreateClient();

        Assert.Equal(before, await CountRemittancesAsync(restarted.Services));
    }

    [Fact]
    public async Task Home_Anonymous_IsSentToSignIn()
    {
        var response = await app.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal("/Account/Login", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("<h1 class=\"h3 mb-3\">Sign in</h1>", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountOut()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++) await DemoAppFactory.SignInAsync(client, "manager", "wrong-password-1A");

        var html = await (await DemoAppFactory.SignInAsync(client, "manager", DemoAppFactory.Password)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("locked", html);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        var response = await app.CreateClient().GetAsync("/Account/Login", TestContext.Current.CancellationToken);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Specialist_SignsIn_AndLandsOnTheQueue()
    {
        var client = await app.SignedInClientAsync("specialist");

        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal("/Queue", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static async Task<int> CountRemittancesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().Remittances.CountAsync(TestContext.Current.CancellationToken);
    }
}
