using System.Net;
using Appeals.Web.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Security;

/// <summary>Issue 14 item 7: behind a TLS-terminating proxy the app sees HTTPS, and its cookies are Secure outside Development.</summary>
[Collection(WebCollection.Name)]
public sealed class TransportSecurityTests(TransportSecurityTests.BehindProxyFactory app) : IClassFixture<TransportSecurityTests.BehindProxyFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Uri Http = new("http://appeals.example.test");

    [Fact]
    public async Task FromTheKnownProxy_ForwardedHttps_IsServedWithSecureCookies()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Http, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task FromTheKnownProxy_PlainHttp_IsRedirectedToHttps()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Http, AllowAutoRedirect = false });

        var response = await client.GetAsync("/Account/Login", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_MoreAttemptsFromOneAddressThanTheLimit_AreAnswered429()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Http, AllowAutoRedirect = false });
        async Task<HttpStatusCode> AttemptAsync(string from)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", from);
            var response = await client.SendAsync(request, Ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Contains("wait a minute", await response.Content.ReadAsStringAsync(Ct));
            return response.StatusCode;
        }

        var allowed = new[] { await AttemptAsync("203.0.113.9"), await AttemptAsync("203.0.113.9"), await AttemptAsync("203.0.113.9") };
        var fourth = await AttemptAsync("203.0.113.9");
        var otherClient = await AttemptAsync("198.51.100.7");

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherClient);
    }

    /// <summary>Production, with every request arriving from 10.0.0.5, the proxy named in ForwardedHeaders:KnownProxies.</summary>
    public sealed class BehindProxyFactory : DemoAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("https_port", "443");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.5");
            builder.UseSetting("Security:SignInAttemptsPerMinute", "3");
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, FromProxy>());
        }

        private sealed class FromProxy : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, then) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
                    return then(context);
                });
                next(app);
            };
        }
    }
}
