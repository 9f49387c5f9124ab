using System.Data.Common;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Web.Identity;
using Appeals.Web.Tests.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Hosting;

/// <summary>
/// What one view of the queue and of a case page costs in database commands (issue 13's load targets): a fixed number,
/// the same on the first view and the hundredth, whatever the case's history. Counted by an EF interceptor on both contexts,
/// for the commands of the request itself (the audit row's group commit runs on the queue's own task and is not counted).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PageQueryCountTests(PageQueryCountTests.CountingAppFactory app) : IClassFixture<PageQueryCountTests.CountingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Commands one case page view sends: the case with its claim, lines, adjustments and remarks (four, split), the
    /// template's version, letters, later cases, transitions, the other audit rows, the view count, notes, attachments,
    /// take-backs and the payer's contract lines. A case whose route sends no letter skips the template's.</summary>
    private const int CasePageCommands = 14;

    /// <summary>Commands a manager's queue view sends once the Assign list is kept: the payers and the page.</summary>
    private const int QueuePageCommands = 2;

    [Fact]
    public async Task CasePage_SendsTheSameFewCommands_OnTheFirstViewAndAfterManyViews()
    {
        var client = await app.SignedInClientAsync("specialist");
        // A case whose route writes a letter, so that the page also asks for the template's fields (a case without one asks one command less).
        var id = await app.CaseOnALetterRouteAsync();

        var first = await CountAsync(() => client.GetStringAsync($"/Cases/{id}", Ct));
        for (var i = 0; i < 30; i++) await client.GetStringAsync($"/Cases/{id}", Ct);
        var later = await CountAsync(() => client.GetStringAsync($"/Cases/{id}", Ct));

        Assert.Contains($"Case {id} <small", first.Page); // the case page, not the sign-in form
        Assert.Equal(CasePageCommands, first.Commands);
        Assert.Equal(CasePageCommands, later.Commands);
        Assert.Contains("Viewed 32 time(s); every view is in the audit log.", later.Page);
    }

    [Fact]
    public async Task ManagersQueue_SendsTwoCommands_AndStillListsWhomToAssign()
    {
        var client = await app.SignedInClientAsync("manager");
        await client.GetStringAsync("/Queue", Ct); // reads the Assign list once

        var view = await CountAsync(() => client.GetStringAsync("/Queue", Ct));

        Assert.Equal(QueuePageCommands, view.Commands);
        Assert.Contains(@"<option value=""specialist"">specialist</option>", view.Page);
        Assert.Matches(@"<form method=""post"" action=""/Queue/Claim/\d+"">", view.Page);
    }

    [Fact]
    public async Task QueueRowForms_EachCarryTheRequestsAntiforgeryToken_AndAClaimThroughOneWorks()
    {
        var client = await app.SignedInClientAsync("specialist");
        var page = await client.GetStringAsync("/Queue?Assignee=unassigned", Ct);

        var forms = Regex.Matches(page, @"<form method=""post"" action=""/Queue/Claim/(\d+)"">.*?</form>", RegexOptions.Singleline);
        Assert.NotEmpty(forms);
        var token = DemoAppFactory.AntiforgeryToken(page);
        Assert.All(forms, f => Assert.Contains($@"<input name=""__RequestVerificationToken"" type=""hidden"" value=""{token}"" /></form>", f.Value));
        Assert.DoesNotContain("asp-antiforgery", page);

        var id = long.Parse(forms[0].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var version = Guid.Parse(Regex.Match(forms[0].Value, @"name=""version"" value=""([^""]+)""").Groups[1].Value);
        var answer = await DemoAppFactory.ClaimAsync(client, page, id, version);
        Assert.Contains($"Case {id} is yours.", answer);
    }

    private async Task<(int Commands, string Page)> CountAsync(Func<Task<string>> request)
    {
        var counted = new StrongBox<int>();
        CommandCounter.Current.Value = counted;
        try
        {
            var page = await request();
            return (counted.Value, page);
        }
        finally { CommandCounter.Current.Value = null; }
    }

    /// <summary>Counts the commands EF sends while a test has set <see cref="Current"/> (the request flows it: PreserveExecutionContext).</summary>
    public sealed class CommandCounter : DbCommandInterceptor
    {
        public static readonly AsyncLocal<StrongBox<int>?> Current = new();
        public static CommandCounter Instance { get; } = new();

        private static void Count()
        {
            if (Current.Value is { } box) Interlocked.Increment(ref box.Value);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>The demo app with the counter on both of its contexts.</summary>
    public sealed class CountingAppFactory : DemoAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Claims", "60");
            builder.ConfigureTestServices(services =>
            {
                // Before the server exists: a client's handler copies the flag when it is made, so setting it on the server in
                // ConfigureClient came too late for the first client, and the first test of the class counted 0 commands.
                services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true);
                services.ConfigureDbContext<SqliteAppealsDbContext>(o => o.AddInterceptors(CommandCounter.Instance), ServiceLifetime.Singleton);
                services.ConfigureDbContext<SqliteIdentityDbContext>(o => o.AddInterceptors(CommandCounter.Instance), ServiceLifetime.Singleton);
            });
        }
    }
}

/// <summary>
/// What is kept between requests to save work, and how long: the manager's Assign list (<see cref="Appeals.Web.Queue.CaseWorkers"/>) and
/// Identity's security stamp check, which is asked only once its interval has passed (and then still signs a locked user out).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class KeptBetweenRequestsTests(IdleSignOutTests.ClockedAppFactory app) : IClassFixture<IdleSignOutTests.ClockedAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<string> AssignList(string html) =>
        Regex.Matches(Regex.Match(html, @"<select name=""assignee"".*?</select>", RegexOptions.Singleline).Value, @"<option value=""([^""]+)"">")
            .Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task AssignList_IsKeptForItsLifetime_ButAUserAddedOnTheAdminPageIsListedAtOnce()
    {
        var manager = await app.SignedInClientAsync("manager");
        Assert.DoesNotContain("elsewhere", AssignList(await manager.GetStringAsync("/Queue?Assignee=unassigned", Ct)));

        // Added as another node (or the CLI) would: this process is not told.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser("elsewhere");
            Assert.True((await users.CreateAsync(user, "Elsewhere-Password-1")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, AppealsRoles.Specialist)).Succeeded);
        }
        Assert.DoesNotContain("elsewhere", AssignList(await manager.GetStringAsync("/Queue?Assignee=unassigned", Ct)));
        app.Clock.Advance(Appeals.Web.Queue.CaseWorkers.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Contains("elsewhere", AssignList(await manager.GetStringAsync("/Queue?Assignee=unassigned", Ct)));

        // Added on this process's Admin page: listed at the next view, the clock unmoved.
        var admin = await app.SignedInClientAsync("admin");
        var adminPage = await admin.GetStringAsync("/Admin", Ct);
        var created = await admin.PostAsync("/Admin/Users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "newcomer", ["role"] = AppealsRoles.Specialist, ["__RequestVerificationToken"] = DemoAppFactory.AntiforgeryToken(adminPage),
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("newcomer", AssignList(await manager.GetStringAsync("/Queue?Assignee=unassigned", Ct)));
    }

    [Fact]
    public async Task LockedUser_KeepsTheSessionUntilTheStampIntervalPasses_ThenIsSignedOut()
    {
        var auditor = await app.SignedInClientAsync("auditor", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit", Ct)).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What the Admin page's Lock does.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = (await users.FindByNameAsync("auditor"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/Audit", Ct)).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(4)); // six minutes since sign-in: past the five-minute interval
        var after = await auditor.GetAsync("/Audit", Ct);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", after.Headers.Location!.ToString());
    }
}

/// <summary>The case page counts views up to a bound: each view must not cost more than the one before.</summary>
[Collection(WebCollection.Name)]
public sealed class ViewCountBoundTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CaseViewedAThousandTimes_SaysSo_WithoutCountingFurther()
    {
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().DenialCases.OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // 999 views through the audit queue (group commit), then one through the page.
        await Task.WhenAll(Enumerable.Range(0, Appeals.Web.Cases.CasesController.ViewsCountedUpTo - 1).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>().AppendAsync("someone", AuditActions.CaseView, nameof(DenialCase), key, ct: Ct);
        }));
        var client = await app.SignedInClientAsync("specialist");

        Assert.Contains("Viewed 1,000 or more times; every view is in the audit log.", await client.GetStringAsync($"/Cases/{id}", Ct));
        Assert.Contains("Viewed 1,000 or more times", await client.GetStringAsync($"/Cases/{id}", Ct));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(1001, await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().AuditEntries
                .CountAsync(e => e.EntityType == nameof(DenialCase) && e.EntityId == key && e.Action == AuditActions.CaseView, Ct));
    }
}
