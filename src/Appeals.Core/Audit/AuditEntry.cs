namespace Appeals.Core.Audit;

/// <summary>
/// One row of the append-only audit log: who did what to which record, when and (where asked) why.
/// Rows are hash-chained: <see cref="Hash"/> is SHA-256 over this row's content and
/// <see cref="PreviousHash"/>, so changing, deleting or reordering a row breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The user name (not a foreign key: the log outlives users, and the CLI writes it too).</summary>
    public required string UserName { get; set; }
    /// <summary>An <see cref="AuditActions"/> value.</summary>
    public required string Action { get; set; }
    /// <summary>What the action touched, e.g. "DenialCase"; empty when nothing in particular.</summary>
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    /// <summary>The reason the user gave, where one is asked for (a member id reveal, an export).</summary>
    public string Reason { get; set; } = "";
    /// <summary>Facts of the action without PHI: a file name, a transition, a filter.</summary>
    public string Details { get; set; } = "";
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The actions the log records.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    /// <summary>A refused sign-in: wrong password, unknown user name or locked account (the details say which; never the text typed).</summary>
    public const string SignInFailed = "sign_in_failed";
    public const string SignOut = "sign_out";
    /// <summary>A signed-in user was refused a page or action (403).</summary>
    public const string AccessDenied = "access_denied";
    public const string CaseView = "case_view";
    public const string MemberIdReveal = "member_id_reveal";
    public const string Download = "download";
    public const string Export = "export";
    public const string WorkflowMove = "workflow_move";
    public const string LetterGenerate = "letter_generate";
    public const string LetterSignOff = "letter_sign_off";
    public const string CaseClaim = "case_claim";
    public const string Import = "import";
    public const string UserChange = "user_change";
    /// <summary>A user changed their own password (the first one, or a later one).</summary>
    public const string PasswordChange = "password_change";
    /// <summary>A user set up, confirmed or removed their authenticator (two-factor sign-in).</summary>
    public const string TwoFactorChange = "two_factor_change";
    public const string PayerRuleChange = "payer_rule_change";
    public const string TemplateUpload = "template_upload";
    public const string ModelRetrain = "model_retrain";
    public const string NoteAdd = "note_add";
    public const string AttachmentUpload = "attachment_upload";
    /// <summary>`appeals attachments seal` ran: the details give its counts (ADR 0104).</summary>
    public const string AttachmentsSeal = "attachments_seal";
    /// <summary>A payer contract file (fee schedule) was imported; the details give its counts.</summary>
    public const string ContractImport = "contract_import";
}
