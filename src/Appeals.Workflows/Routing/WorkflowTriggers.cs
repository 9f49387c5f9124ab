namespace Appeals.Workflows.Routing;

/// <summary>Trigger names shared by several routes (route-specific ones are written in the definitions).</summary>
public static class WorkflowTriggers
{
    public const string Start = "start";
    public const string SignOff = "sign_off";
    public const string Submit = "submit";
    public const string Resubmit = "resubmit";
    public const string Escalate = "escalate";
    public const string Close = "close";

    // Payer decisions: fired by people or by a later ERA (Outcomes/).
    public const string Paid = "paid";
    public const string PartlyPaid = "partly_paid";
    public const string Denied = "denied";

    /// <summary>The payer took back what the case had recovered (a PLB offset on a later ERA): only an import fires it (ADR 0105).</summary>
    public const string TakeBack = "take_back";

    public const string RequestWriteOff = "request_write_off";
    public const string ApproveWriteOff = "approve_write_off";
    public const string RejectWriteOff = "reject_write_off";
}
