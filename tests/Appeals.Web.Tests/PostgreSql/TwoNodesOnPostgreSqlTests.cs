using System.Net;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Rollups;
using Appeals.Tests.Shared;
using Appeals.Web.Tests.Hosting;
using Appeals.Web.Tests.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.PostgreSql;

/// <summary>
/// One node of the web app on PostgreSQL: the real app (its own Hangfire server, Identity store, demo seed through the
/// PostgreSQL import path), with the key ring and storage in a folder that every node shares.
/// </summary>
public sealed class PostgreSqlNode(string connectionString, string sharedFolder, bool seed) : DemoAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "postgres");
        builder.UseSetting("ConnectionStrings:Appeals", connectionString);
        builder.UseSetting("Demo:Seed", seed ? "true" : "false");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(sharedFolder, "keys"));
        builder.UseSetting("Storage:Path", Path.Combine(sharedFolder, "files"));
    }
}

/// <summary>Two nodes (in this process, each its own host) on one new PostgreSQL database, started by the first test that needs them.</summary>
public sealed class TwoPostgreSqlNodes : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly string _shared = Directory.CreateTempSubdirectory("appeals-nodes-").FullName;
    private string? _connectionString;

    public PostgreSqlNode A { get; private set; } = null!;
    public PostgreSqlNode B { get; private set; } = null!;

    public async Task StartAsync()
    {
        await _starting.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_connectionString is not null) return;
            var connectionString = await PostgreSqlTestServer.CreateEmptyDatabaseAsync(TestContext.Current.CancellationToken);
            A = new PostgreSqlNode(connectionString, _shared, seed: true);
            _ = A.Server; // starts node A: migrates Core and Identity, seeds users and demo data
            B = new PostgreSqlNode(connectionString, _shared, seed: false);
            _ = B.Server;
            _connectionString = connectionString;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            await PostgreSqlTestServer.DropDatabaseAsync(_connectionString);
        }
        try { Directory.Delete(_shared, recursive: true); } catch (IOException) { }
    }
}

[Collection(WebCollection.Name)]
public sealed class TwoNodesOnPostgreSqlTests(TwoPostgreSqlNodes nodes) : IClassFixture<TwoPostgreSqlNodes>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> InDatabase<T>(Func<AppealsDbContext, Task<T>> query)
    {
        await using var scope = nodes.A.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppealsDbContext>());
    }

    [Fact]
    public async Task DemoSeed_OnPostgreSql_ImportsCasesWithExactRollups()
    {
        await nodes.StartAsync();

        Assert.True(await InDatabase(db => db.DenialCases.CountAsync(Ct)) > 0);
        Assert.Equal(DatabaseProvider.PostgreSql, await InDatabase(db => Task.FromResult(AppealsDatabase.ProviderOf(db.Database))));
        Assert.Empty(await InDatabase(db => RollupCheck.DifferencesAsync(db, Ct)));
    }

    [Fact]
    public async Task SignedInOnNodeA_IsSignedInOnNodeB()
    {
        await nodes.StartAsync();
        var onA = nodes.A.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await DemoAppFactory.SignInAsync(onA, "specialist", DemoAppFactory.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Appeals.Auth=", StringComparison.Ordinal)).Split(';')[0];
        var onB = nodes.B.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/Queue");
        request.Headers.Add("Cookie", cookie);
        var response = await onB.SendAsync(request, Ct);
        using var anonymous = new HttpRequestMessage(HttpMethod.Get, "/Queue");
        var withoutCookie = await onB.SendAsync(anonymous, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withoutCookie.StatusCode);
    }

    [Fact]
    public async Task Queue_OnNodeB_ListsOpenCasesByPriorityThenId()
    {
        await nodes.StartAsync();
        var client = await nodes.B.SignedInClientAsync("specialist");

        var shown = CaseIds(await client.GetStringAsync("/Queue", Ct));
        var expected = await InDatabase(db => db.DenialCases
            .Where(c => c.Status == DenialCaseStatus.Open || c.Status == DenialCaseStatus.InProgress || c.Status == DenialCaseStatus.Appealed)
            .OrderByDescending(c => c.Priority).ThenBy(c => c.Id).Select(c => c.Id).Take(shown.Count).ToListAsync(Ct));

        Assert.NotEmpty(shown);
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Claim_OneCaseByTwoUsersOnTwoNodes_OneWins()
    {
        await nodes.StartAsync();
        var specialist = await nodes.A.SignedInClientAsync("specialist");
        var manager = await nodes.B.SignedInClientAsync("manager");
        var (id, version) = await InDatabase(async db =>
        {
            var c = await db.DenialCases.Where(c => c.AssignedTo == "" && c.Status == DenialCaseStatus.Open).OrderBy(c => c.Id).Select(c => new { c.Id, c.Version }).FirstAsync(Ct);
            return (c.Id, c.Version);
        });
        var specialistPage = await specialist.GetStringAsync("/Queue", Ct);
        var managerPage = await manager.GetStringAsync("/Queue", Ct);

        var answers = await Task.WhenAll(DemoAppFactory.ClaimAsync(specialist, specialistPage, id, version), DemoAppFactory.ClaimAsync(manager, managerPage, id, version));

        var winner = await InDatabase(db => db.DenialCases.Where(c => c.Id == id).Select(c => c.AssignedTo).SingleAsync(Ct));
        Assert.Contains(winner, new[] { "specialist", "manager" });
        Assert.Single(answers, a => a.Contains($"Case {id} is yours."));
        Assert.Equal(1, await InDatabase(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.CaseClaim && e.EntityId == id.ToString(), Ct)));
        Assert.True((await InDatabase(db => new AuditLog(db, TimeProvider.System).VerifyAsync(Ct))).Intact);
    }

    /// <summary>ADR 0101 on a real server and two nodes: a code is accepted once, whichever node sees it first, even at the same moment.</summary>
    [Fact]
    public async Task AuthenticatorCode_AcceptedOnOneNode_IsRefusedOnTheOther_EvenWhenBothSeeItAtOnce()
    {
        await nodes.StartAsync();
        var name = $"twofactor-{Guid.NewGuid():N}"[..24];
        string key;
        await using (var scope = nodes.A.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser(name);
            Assert.True((await users.CreateAsync(user, "Chosen-Password-2026")).Succeeded);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var now = DateTimeOffset.UtcNow;

        var atOnce = await Task.WhenAll(VerifyAsync(nodes.A, name, Rfc6238.Code(key, now)), VerifyAsync(nodes.B, name, Rfc6238.Code(key, now)));
        Assert.Single(atOnce, accepted => accepted);

        var next = Rfc6238.Code(key, now.AddSeconds(30));
        Assert.True(await VerifyAsync(nodes.B, name, next));
        Assert.False(await VerifyAsync(nodes.A, name, next));
        Assert.False(await VerifyAsync(nodes.B, name, next));
    }

    private static async Task<bool> VerifyAsync(PostgreSqlNode node, string userName, string code)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        return await users.VerifyTwoFactorTokenAsync((await users.FindByNameAsync(userName))!, users.Options.Tokens.AuthenticatorTokenProvider, code);
    }

    private static List<long> CaseIds(string html) =>
        Regex.Matches(html, @"href=""/Cases/(\d+)"" class=""case-link""").Select(m => long.Parse(m.Groups[1].Value)).ToList();
}
