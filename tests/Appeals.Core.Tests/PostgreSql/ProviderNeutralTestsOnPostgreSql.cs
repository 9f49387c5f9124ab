using Appeals.Core.Tests.Audit;
using Appeals.Core.Tests.Imports;
using Appeals.Tests.Shared;

namespace Appeals.Core.Tests.PostgreSql;

// The provider-neutral test classes again, each test on a PostgreSQL database of its own (TestDatabase asks the marker).

/// <summary><see cref="RemittanceImporterTests"/> on PostgreSQL: binary COPY, ids from sequences, the PL/pgSQL rollup triggers.</summary>
public sealed class RemittanceImporterOnPostgreSqlTests : RemittanceImporterTests, IRunsOnPostgreSql;

/// <summary><see cref="RemittanceImporterPartsTests"/> on PostgreSQL: a transaction in parts is still all or nothing.</summary>
public sealed class RemittanceImporterPartsOnPostgreSqlTests : RemittanceImporterPartsTests, IRunsOnPostgreSql;

/// <summary><see cref="AuditChainTests"/> on PostgreSQL.</summary>
public sealed class AuditChainOnPostgreSqlTests : AuditChainTests, IRunsOnPostgreSql;

/// <summary><see cref="Denials.DenialCaseStatusTests"/> on PostgreSQL: the status list is an array parameter of codes.</summary>
public sealed class DenialCaseStatusOnPostgreSqlTests : Denials.DenialCaseStatusTests, IRunsOnPostgreSql;

/// <summary><see cref="Rollups.RollupTriggerTests"/> on PostgreSQL: the PL/pgSQL statement triggers keep every rollup exact.</summary>
public sealed class RollupTriggerOnPostgreSqlTests : Rollups.RollupTriggerTests, IRunsOnPostgreSql;

/// <summary><see cref="Persistence.MoneyInSqlTests"/> on PostgreSQL: cents computed in numeric, not through a double.</summary>
public sealed class MoneyInSqlOnPostgreSqlTests : Persistence.MoneyInSqlTests, IRunsOnPostgreSql;
