using Appeals.Core.Denials;

namespace Appeals.Core.Workflow;

/// <summary>
/// One move of a denial case's workflow: who moved it, when, from where to where, on what trigger and
/// why. Append-only; together the rows are the auditor's timeline of the case.
/// </summary>
public sealed class WorkflowTransition
{
    public long Id { get; set; }

    public long DenialCaseId { get; set; }
    public DenialCase? DenialCase { get; set; }

    public required string Route { get; set; }
    public int WorkflowVersion { get; set; }
    /// <summary>Empty for the move that starts the workflow.</summary>
    public required string FromState { get; set; }
    public required string ToState { get; set; }
    public required string Trigger { get; set; }
    /// <summary>The appeal level after the move.</summary>
    public int AppealLevel { get; set; }

    /// <summary>The user name, or "system:..." for jobs and imports.</summary>
    public required string Actor { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
}
