using Appeals.Core.Denials;
using Appeals.Workflows.Routing;
using static Appeals.Web.Formatting.Display;

namespace Appeals.Web.Cases;

/// <summary>
/// The one thing to do next on a case, in words, so that the letter's sign-off and the workflow's moves read as
/// one sequence: write the letter, sign it off, record the sign-off on the case, send it, record the submission.
/// </summary>
public static class CaseNextStep
{
    public static string For(CaseDetails page)
    {
        var c = page.Case;
        if (c.WorkflowRoute.Length == 0) return "Start the workflow: it puts the case on the route its category calls for.";
        if (c.Status.IsClosed) return $"Nothing: the case is closed ({Words(c.Status)}).";
        var moves = page.AllowedMoves;
        if (moves.Contains(WorkflowTriggers.Paid))
            return "Wait for the payer's decision: a later ERA that pays the claim records it by itself, or record the decision below.";
        if (WorkflowRoutes.SendsLetter(c.WorkflowRoute))
        {
            if (page.Letters.Count == 0) return "Write the letter: fill in the fields under Letters and generate it.";
            if (page.Letters[0].SignedOffBy is null) return $"Read letter version {page.Letters[0].Version} (Preview), then sign it off under Letters.";
        }
        if (moves.Contains(WorkflowTriggers.SignOff))
            return $"The letter is signed: “{Words(WorkflowTriggers.SignOff)}” below records that on the case; then send the letter to the payer.";
        if (moves.Contains(WorkflowTriggers.Submit))
            return $"Send the signed letter to the payer, then “{Words(WorkflowTriggers.Submit)}” below records the submission and starts waiting for a decision.";
        if (moves.Contains(WorkflowTriggers.Resubmit))
            return $"Correct and resubmit the claim, then “{Words(WorkflowTriggers.Resubmit)}” below records it.";
        return moves.Count > 0 ? "Choose the move below that matches what happened." : "Nothing is open to you on this case now.";
    }
}
