using Appeals.Tests.Shared;
using Appeals.Workflows.Tests.Jobs;
using Appeals.Workflows.Tests.Outcomes;
using Appeals.Workflows.Tests.Routing;
using Appeals.Workflows.Tests.Underpayments;

namespace Appeals.Workflows.Tests.PostgreSql;

// The provider-neutral test classes again, each test on a PostgreSQL database of its own (TestDatabase asks the marker).

/// <summary><see cref="EraOutcomesTests"/> on PostgreSQL: outcomes of later ERAs.</summary>
public sealed class EraOutcomesOnPostgreSqlTests : EraOutcomesTests, IRunsOnPostgreSql;

/// <summary><see cref="RedenialLinksTests"/> on PostgreSQL.</summary>
public sealed class RedenialLinksOnPostgreSqlTests : RedenialLinksTests, IRunsOnPostgreSql;

/// <summary><see cref="CaseWorkflowTests"/> on PostgreSQL: workflow moves, audited.</summary>
public sealed class CaseWorkflowOnPostgreSqlTests : CaseWorkflowTests, IRunsOnPostgreSql;

/// <summary><see cref="DeadlineSweepJobTests"/> on PostgreSQL: the daily sweep.</summary>
public sealed class DeadlineSweepJobOnPostgreSqlTests : DeadlineSweepJobTests, IRunsOnPostgreSql;

/// <summary><see cref="SetBasedOutcomesTests"/> on PostgreSQL: the set-based outcome step's UPDATE … FROM jsonb_to_recordset.</summary>
public sealed class SetBasedOutcomesOnPostgreSqlTests : SetBasedOutcomesTests, IRunsOnPostgreSql;

/// <summary><see cref="UnderpaymentHandlerTests"/> on PostgreSQL: underpayment cases numbered from the sequence, in the remittance's transaction (ADR 0143).</summary>
public sealed class UnderpaymentHandlerOnPostgreSqlTests : UnderpaymentHandlerTests, IRunsOnPostgreSql;
