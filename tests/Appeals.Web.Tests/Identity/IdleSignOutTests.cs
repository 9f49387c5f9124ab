using System.Net;
using Appeals.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Identity;

/// <summary>The sign-in cookie lapses after Security:IdleTimeoutMinutes without a request, and each request keeps it alive.</summary>
[Collection(WebCollection.Name)]
public sealed class IdleSignOutTests(IdleSignOutTests.ClockedAppFactory app) : IClassFixture<IdleSignOutTests.ClockedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignedInUser_IdleLongerThanTheTimeout_IsSentToSignIn_WhileActivityKeepsTheSessionAlive()
    {
        var client = await app.SignedInClientAsync("specialist", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Queue", Ct)).StatusCode);

        // Active: a request every 8 minutes for 24 minutes, longer than the 10-minute timeout in all.
        for (var i = 0; i < 3; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(8));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Queue", Ct)).StatusCode);
        }
        // Idle: 11 minutes without a request.
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var idle = await client.GetAsync("/Queue", Ct);

        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", idle.Headers.Location!.ToString());
    }

    /// <summary>The demo app with a 10-minute idle timeout and a clock the test moves.</summary>
    public sealed class ClockedAppFactory : DemoAppFactory
    {
        public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:IdleTimeoutMinutes", "10");
            builder.UseSetting("Demo:Claims", "40");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
