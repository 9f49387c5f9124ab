using System.Globalization;
using Appeals.Core.Audit;
using Appeals.Core.Denials;
using Appeals.Workflows.Letters;
using Appeals.Workflows.Routing;

namespace Appeals.Workflows;

/// <summary>
/// The audit rows of the actions a person takes on a case, the same whether the web or the CLI took them (issue 14 item 5).
/// Each returns null for a refused action, which <see cref="AuditLog.RecordAsync{T}"/> then records nothing for.
/// </summary>
public static class CaseAuditRecords
{
    // assignedTo: who took the case with the move (an unassigned case goes to whoever moves it), if anyone.
    public static AuditRecord? Moved(WorkflowResult result, string actor, long caseId, string reason, string? assignedTo = null) =>
        result.Transition is { } t
            ? new(actor, AuditActions.WorkflowMove, nameof(DenialCase), Key(caseId), reason,
                $"{t.Trigger}: {t.FromState} → {t.ToState} ({t.Route} v{t.WorkflowVersion})" + (assignedTo is null ? "" : $"; assigned to {assignedTo}"))
            : null;

    public static AuditRecord? LetterGenerated(LetterResult result, string actor, long caseId) =>
        result is { Succeeded: true, Letter: { } l }
            ? new(actor, AuditActions.LetterGenerate, nameof(DenialCase), Key(caseId), "", $"letter {l.Id} v{l.VersionNumber} {l.Kind} sha256 {l.Sha256[..12]}")
            : null;

    public static AuditRecord? LetterSignedOff(LetterResult result, string actor) =>
        result is { Succeeded: true, Letter: { } l }
            ? new(actor, AuditActions.LetterSignOff, nameof(DenialCase), Key(l.DenialCaseId), "", $"letter {l.Id} v{l.VersionNumber}")
            : null;

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
