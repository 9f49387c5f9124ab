using Appeals.Core.Workflow;

namespace Appeals.Workflows.Routing;

/// <summary>Who moves a case. Managers (and admins) may approve write-offs.</summary>
public sealed record WorkflowActor(string Name, bool IsManager = false)
{
    /// <summary>A job or import acting on its own, named for the timeline.</summary>
    public static WorkflowActor System(string what) => new($"{SystemPrefix}{what}");

    private const string SystemPrefix = "system:";

    /// <summary>A job or an import, not a person.</summary>
    public bool IsSystem => Name.StartsWith(SystemPrefix, StringComparison.Ordinal);
}

/// <summary>Why a move was refused. Expected and shown to the user; exceptions are kept for bugs.</summary>
public enum WorkflowErrorCode
{
    CaseNotFound,
    UnknownDefinition,
    IllegalMove,
    GuardFailed,
    ConcurrentChange,
}

public sealed record WorkflowError(WorkflowErrorCode Code, string Message);

/// <summary>The result of a move: the transition recorded, or the error that refused it.</summary>
public sealed record WorkflowResult(WorkflowTransition? Transition, WorkflowError? Error)
{
    public bool Succeeded => Error is null;

    public static WorkflowResult Moved(WorkflowTransition transition) => new(transition, null);

    public static WorkflowResult Refused(WorkflowErrorCode code, string message) => new(null, new WorkflowError(code, message));
}
