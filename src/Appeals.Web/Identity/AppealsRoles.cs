namespace Appeals.Web.Identity;

/// <summary>The four roles of Appeals and the authorization policies built from them.</summary>
public static class AppealsRoles
{
    public const string Specialist = "Specialist";
    public const string Manager = "Manager";
    public const string Auditor = "Auditor";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Specialist, Manager, Auditor, Admin];
}

/// <summary>Policy names: each page names the policy it needs, never a role list of its own.</summary>
public static class AppealsPolicies
{
    /// <summary>Work denial cases: the queue, a case, imports.</summary>
    public const string WorkCases = "WorkCases";
    /// <summary>Read root-cause analytics.</summary>
    public const string ViewDashboard = "ViewDashboard";
    /// <summary>Exports, the access log and the audit chain.</summary>
    public const string Audit = "Audit";
    /// <summary>Users, rules, templates, the model and Hangfire.</summary>
    public const string Administer = "Administer";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [WorkCases] = [AppealsRoles.Specialist, AppealsRoles.Manager],
        [ViewDashboard] = [AppealsRoles.Manager, AppealsRoles.Admin],
        [Audit] = [AppealsRoles.Auditor],
        [Administer] = [AppealsRoles.Admin],
    };
}
