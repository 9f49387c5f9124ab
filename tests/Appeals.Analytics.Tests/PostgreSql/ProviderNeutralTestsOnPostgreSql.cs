using Appeals.Analytics.Tests.Kpis;
using Appeals.Analytics.Tests.Rollups;
using Appeals.Tests.Shared;

namespace Appeals.Analytics.Tests.PostgreSql;

// The provider-neutral test classes again, each test on a PostgreSQL database of its own (TestDatabase asks the marker).

/// <summary><see cref="RollupTriggerTests"/> on PostgreSQL: the PL/pgSQL statement triggers keep every rollup exact.</summary>
public sealed class RollupTriggerOnPostgreSqlTests : RollupTriggerTests, IRunsOnPostgreSql;

/// <summary><see cref="KpiQueriesTests"/> on PostgreSQL.</summary>
public sealed class KpiQueriesOnPostgreSqlTests : KpiQueriesTests, IRunsOnPostgreSql;

/// <summary><see cref="DenialRateQueriesTests"/> on PostgreSQL.</summary>
public sealed class DenialRateQueriesOnPostgreSqlTests : DenialRateQueriesTests, IRunsOnPostgreSql;
