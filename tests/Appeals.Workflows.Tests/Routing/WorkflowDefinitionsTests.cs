using Appeals.Core.Denials;
using Appeals.Workflows.Routing;
using Appeals.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Workflows.Tests.Routing;

public sealed class WorkflowDefinitionsTests
{
    public static TheoryData<string> Routes => new(WorkflowRoutes.All);

    private static readonly string[] AllTriggers =
        WorkflowDefinitions.Shipped.All.SelectMany(d => d.Moves).Select(m => m.Trigger).Distinct().Order().ToArray();

    [Theory]
    [MemberData(nameof(Routes))]
    public void EveryRoute_IsWellFormed(string route)
    {
        var d = WorkflowDefinitions.Shipped.Latest(route);

        Assert.All(d.Moves, m => Assert.True(d.HasState(m.From) && d.HasState(m.To), $"{m.From} -{m.Trigger}-> {m.To}"));
        // No person's move leaves a final state; a take-back an import records reopens one closed with money recovered (ADR 0105).
        Assert.All(d.States.Where(s => s.Final), s => Assert.All(d.MovesFrom(s.Name), m =>
            Assert.Equal((WorkflowTriggers.TakeBack, MoveGuard.ImportOnly, d.InitialState), (m.Trigger, m.Guard, m.To))));
        Assert.All(d.States.Where(s => s.Final), s => Assert.Equal(
            s.CaseStatus is DenialCaseStatus.Recovered or DenialCaseStatus.PartiallyRecovered, d.MovesFrom(s.Name).Any()));
        Assert.All(d.States, s => Assert.Contains(s.CaseStatus, DenialCaseStatus.All));
        Assert.All(d.States.Where(s => s.Final), s => Assert.True(s.CaseStatus.IsClosed, s.Name));
        Assert.All(d.States.Where(s => !s.Final), s => Assert.False(s.CaseStatus.IsClosed, s.Name));
        Assert.Equal(d.Moves.Count, d.Moves.Select(m => (m.From, m.Trigger)).Distinct().Count());
        var reachable = Reachable(d);
        Assert.All(d.States, s => Assert.Contains(s.Name, reachable));
    }

    /// <summary>Every (state, trigger) of every route: the engine allows exactly the moves the data lists.</summary>
    [Theory]
    [MemberData(nameof(Routes))]
    public async Task EveryRoute_AllowsExactlyTheMovesItsDefinitionLists(string route)
    {
        using var test = new TestDatabase();
        var id = await test.AddCaseAsync();
        var definition = WorkflowDefinitions.Shipped.Latest(route);
        var manager = new WorkflowActor("mgr", IsManager: true);
        await using var db = test.Open();
        var workflow = new CaseWorkflow(db, WorkflowDefinitions.Shipped, TimeProvider.System);
        db.AppealLetters.Add(new Core.Letters.AppealLetter
        {
            DenialCaseId = id, Kind = "k", AppealLevel = 1, VersionNumber = 1, Content = [1], Sha256 = new string('0', 64),
            CreatedBy = "u", SignedOffBy = "u",
        });
        await db.SaveChangesAsync();
        var denial = await db.DenialCases.Include(c => c.Payer).SingleAsync(c => c.Id == id);

        foreach (var state in definition.States)
        {
            foreach (var trigger in AllTriggers)
            {
                denial.StartWorkflow(route, definition.Version, state.Name, 1);
                var move = definition.MovesFrom(state.Name).SingleOrDefault(m => m.Trigger == trigger);
                var actor = move?.Guard == MoveGuard.ImportOnly ? WorkflowActor.System("era") : manager;

                var result = await workflow.ApplyAsync(denial, trigger, actor, "", CancellationToken.None);

                if (move is null)
                {
                    Assert.Equal(WorkflowErrorCode.IllegalMove, result.Error?.Code);
                    Assert.Equal(state.Name, denial.WorkflowState);
                }
                else
                {
                    Assert.True(result.Succeeded, $"{route}: {state.Name} -{trigger}-> {move.To}: {result.Error?.Message}");
                    Assert.Equal(move.To, denial.WorkflowState);
                    Assert.Equal(definition.State(move.To).CaseStatus, denial.Status);
                }
            }
        }
    }

    [Fact]
    public async Task ChangedDefinition_LeavesOpenCasesOnTheirVersion()
    {
        using var test = new TestDatabase();
        var oldCase = await test.AddCaseAsync(category: "coding_bundling_modifier");
        var v1 = WorkflowDefinitions.CorrectedClaimV1();
        // v2 puts a coding review between correcting and resubmitting.
        var v2 = v1 with
        {
            Version = 2,
            States = [.. v1.States, new WorkflowStateDefinition("coding_review", DenialCaseStatus.InProgress)],
            Moves = [.. v1.Moves.Where(m => !(m.From == "correcting" && m.Trigger == "resubmit")),
                new WorkflowMove("correcting", "send_to_review", "coding_review"),
                new WorkflowMove("coding_review", "resubmit", "resubmitted", Effect: MoveEffect.Submitted)],
        };
        var onlyV1 = new WorkflowDefinitions([v1]);
        var both = new WorkflowDefinitions([v1, v2]);
        await using (var db = test.Open())
            Assert.True((await new CaseWorkflow(db, onlyV1, TimeProvider.System).FireAsync(oldCase, "start", new("u"))).Succeeded);
        var newCase = await test.AddCaseAsync(category: "coding_bundling_modifier", payerClaimNumber: "PCN-2");

        await using (var db = test.Open())
        {
            var workflow = new CaseWorkflow(db, both, TimeProvider.System);
            Assert.True((await workflow.FireAsync(oldCase, "resubmit", new("u"))).Succeeded);
            Assert.True((await workflow.FireAsync(newCase, "start", new("u"))).Succeeded);
            Assert.Equal(WorkflowErrorCode.IllegalMove, (await workflow.FireAsync(newCase, "resubmit", new("u"))).Error?.Code);
            Assert.True((await workflow.FireAsync(newCase, "send_to_review", new("u"))).Succeeded);
        }

        await using var check = test.Open();
        var cases = await check.DenialCases.Where(c => c.Id == oldCase || c.Id == newCase).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([(1, "resubmitted"), (2, "coding_review")], cases.Select(c => (c.WorkflowVersion, c.WorkflowState)));
    }

    private static HashSet<string> Reachable(WorkflowDefinition d)
    {
        var seen = new HashSet<string> { d.InitialState };
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var s))
            foreach (var m in d.MovesFrom(s))
                if (seen.Add(m.To)) queue.Enqueue(m.To);
        return seen;
    }
}
