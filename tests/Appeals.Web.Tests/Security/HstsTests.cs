using System.Net;
using Appeals.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Appeals.Web.Tests.Security;

/// <summary>Outside Development the app sends HSTS over HTTPS and redirects plain HTTP to HTTPS.</summary>
[Collection(WebCollection.Name)]
public sealed class HstsTests(HstsTests.ProductionAppFactory app) : IClassFixture<HstsTests.ProductionAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Not localhost: the HSTS middleware leaves localhost out on purpose, so a developer's browser never pins it.
    private static readonly Uri Https = new("https://appeals.example.test");
    private static readonly Uri Http = new("http://appeals.example.test");

    [Fact]
    public async Task Production_OverHttps_SendsStrictTransportSecurityForAYear()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false });

        var response = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Production_OverHttp_RedirectsToHttpsWithoutHsts()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Http, AllowAutoRedirect = false });

        var response = await client.GetAsync("/Queue?Payer=1", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://appeals.example.test/Queue?Payer=1", response.Headers.Location!.ToString());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The app as it runs in production (no demo data), on its own temp database.</summary>
    public sealed class ProductionAppFactory : DemoAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("https_port", "443");
        }
    }
}
