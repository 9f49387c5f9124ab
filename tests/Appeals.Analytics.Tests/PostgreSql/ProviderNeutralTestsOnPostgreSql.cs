using Appeals.Analytics.Tests.Kpis;
using Appeals.Tests.Shared;

namespace Appeals.Analytics.Tests.PostgreSql;

// The provider-neutral test classes again, each test on a PostgreSQL database of its own (TestDatabase asks the marker).

/// <summary><see cref="KpiQueriesTests"/> on PostgreSQL.</summary>
public sealed class KpiQueriesOnPostgreSqlTests : KpiQueriesTests, IRunsOnPostgreSql;

/// <summary><see cref="DenialRateQueriesTests"/> on PostgreSQL.</summary>
public sealed class DenialRateQueriesOnPostgreSqlTests : DenialRateQueriesTests, IRunsOnPostgreSql;
