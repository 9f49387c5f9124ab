using System.Net;
using System.Text.RegularExpressions;
using Appeals.Core.Audit;
using Appeals.Core.Deadlines;
using Appeals.Core.Denials;
using Appeals.Core.Persistence;
using Appeals.Core.Remittances;
using Appeals.Web.Tests.Hosting;
using Appeals.Workflows.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appeals.Web.Tests.Admin;

[Collection(WebCollection.Name)]
public sealed class PayerRulesPageTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RulesPage_ShowsShippedRulesPerPayer_AndFlagsAPayerWithNoRule_WithTheLevelItsCasesNeed()
    {
        var (caseId, _, _) = await OpenPlannedCaseAsync();
        long flaggedId;
        string basis;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
            var payer = new Payer { Identifier = "NORULE01", Name = "Synthetic Payer Without Rules", PayerType = PayerTypes.Other };
            db.Payers.Add(payer);
            await db.SaveChangesAsync(Ct);
            flaggedId = payer.Id;
            var denial = await db.DenialCases.SingleAsync(c => c.Id == caseId, Ct);
            (denial.PayerId, denial.Payer) = (payer.Id, payer);
            await scope.ServiceProvider.GetRequiredService<CaseDeadlinePlanner>().PlanAsync(denial, Ct);
            await db.SaveChangesAsync(Ct);
            basis = denial.DeadlineBasis;
        }
        var client = await app.SignedInClientAsync("admin");

        var html = await client.GetStringAsync("/Admin/Rules", Ct);

        var section = PayerSection(html, flaggedId);
        Assert.StartsWith("FLAGGED: No appeal rule", basis);
        Assert.Contains("FLAGGED: no appeal rule", section);
        Assert.Contains($"1 open case(s) without a deadline: no rule at level {Regex.Match(basis, @"at level (\d+)").Groups[1].Value}", section);
        Assert.Contains("Redetermination", html); // a shipped Medicare rule of the demo's Medicare payer
        Assert.Contains(">shipped</span>", html);
    }

    [Fact]
    public async Task Override_Saved_IsAudited_AndReplansThePayersOpenCases()
    {
        var (caseId, payerId, level) = await OpenPlannedCaseAsync();
        var client = await app.SignedInClientAsync("admin");

        var response = await AdminForms.PostAsync(client, $"/Admin/Rules/{payerId}/Edit?level={level}", $"/Admin/Rules/{payerId}", Form(level, days: "77", citation: "Synthetic provider agreement §7.2"));
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"override saved for .*; [1-9]\d* open case\(s\) re-planned", page);
        Assert.Contains("77 days", PayerSection(page, payerId));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        var denial = await db.DenialCases.AsNoTracking().SingleAsync(c => c.Id == caseId, Ct);
        var notice = denial.LevelNoticeDate ?? denial.DenialDate;
        Assert.Contains("Synthetic provider agreement §7.2", denial.DeadlineBasis);
        Assert.Equal(AppealDeadlineCalculator.LastBusinessDayOnOrBefore(notice.AddDays(77)), denial.AppealDeadline);
        var entry = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.PayerRuleChange).OrderBy(e => e.Id).LastAsync(Ct);
        Assert.Equal("admin", entry.UserName);
        Assert.Equal(payerId.ToString(), entry.EntityId);
        Assert.Matches(@"before: shipped '.+'.*; after: payer override 'Synthetic level', 77 days", entry.Details);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(Ct)).Intact);
    }

    [Fact]
    public async Task Override_InMonths_ThenRemoved_GivesTheShippedRuleBack()
    {
        var (caseId, payerId, level) = await OpenPlannedCaseAsync();
        string shippedBasis;
        await using (var scope = app.Services.CreateAsyncScope())
            shippedBasis = (await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().DenialCases.AsNoTracking().SingleAsync(c => c.Id == caseId, Ct)).DeadlineBasis;
        var client = await app.SignedInClientAsync("admin");
        await AdminForms.PostAsync(client, "/Admin/Rules", $"/Admin/Rules/{payerId}", Form(level, days: "", months: "3", citation: "Synthetic contract, months"));
        Assert.Contains("3 calendar months", await BasisAsync(caseId));

        var response = await AdminForms.PostAsync(client, "/Admin/Rules", $"/Admin/Rules/{payerId}/{level}/Remove", []);

        Assert.Contains("override removed", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(shippedBasis, await BasisAsync(caseId));
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppealsDbContext>();
        Assert.False(await db.Set<PayerAppealRule>().AnyAsync(r => r.PayerId == payerId && r.Level == level, Ct));
        Assert.Contains("override removed; before: payer override", (await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).LastAsync(e => e.Action == AuditActions.PayerRuleChange, Ct)).Details);
    }

    [Fact]
    public async Task Override_WithNoLimitAndNoCitation_IsRefusedWithTheReasons_AndNothingChanges()
    {
        var (_, payerId, level) = await OpenPlannedCaseAsync();
        var client = await app.SignedInClientAsync("admin");
        int auditRows;
        await using (var scope = app.Services.CreateAsyncScope())
            auditRows = await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().AuditEntries.CountAsync(Ct);

        var response = await AdminForms.PostAsync(client, "/Admin/Rules", $"/Admin/Rules/{payerId}", Form(level, days: "0", citation: ""));
        var page = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The override was not saved", page);
        Assert.Contains("more than 0 days or more than 0 months", page);
        Assert.Contains("Give the citation", page);
        await using var check = app.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<AppealsDbContext>();
        Assert.False(await db.Set<PayerAppealRule>().AnyAsync(r => r.PayerId == payerId && r.Level == level, Ct));
        Assert.Equal(auditRows, await db.AuditEntries.CountAsync(Ct));
    }

    private static KeyValuePair<string, string>[] Form(int level, string days, string citation, string months = "") =>
    [
        new("Level", level.ToString()), new("Name", "Synthetic level"), new("DeadlineDays", days), new("DeadlineMonths", months),
        new("PresumedReceiptDays", "0"), new("ClockStartsFrom", "date of the remittance advice"), new("Citation", citation),
    ];

    /// <summary>An open case planned under a shipped rule (its basis names the level) of a payer with no override, so the tests do not meet
    /// (payer ids follow the demo's file order, which moves with the day it is seeded).</summary>
    private async Task<(long CaseId, long PayerId, int Level)> OpenPlannedCaseAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppealsDbContext>();
        var planned = await db.DenialCases.AsNoTracking()
            .Where(c => (c.Status == DenialCaseStatus.Open || c.Status == DenialCaseStatus.InProgress) && c.AppealDeadline != null && c.DeadlineBasis.Contains("[shipped]"))
            .Where(c => !db.Set<PayerAppealRule>().Any(r => r.PayerId == c.PayerId))
            // Not the Medicare payer: the rules page test reads its shipped Redetermination, which an override would replace.
            .Where(c => c.Payer!.PayerType != PayerTypes.Medicare)
            .Select(c => new { c.Id, c.PayerId, c.DeadlineBasis }).ToListAsync(Ct);
        var pick = planned.OrderBy(c => c.PayerId).ThenBy(c => c.Id).First();
        return (pick.Id, pick.PayerId, int.Parse(Regex.Match(pick.DeadlineBasis, @"\(level (\d+)\)").Groups[1].Value));
    }

    private async Task<string> BasisAsync(long caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AppealsDbContext>().DenialCases.AsNoTracking().SingleAsync(c => c.Id == caseId, Ct)).DeadlineBasis;
    }

    private static string PayerSection(string html, long payerId) =>
        Regex.Match(html, $@"<tbody id=""payer-{payerId}"" class=""payer"">(.*?)</tbody>", RegexOptions.Singleline).Groups[1].Value;
}
