namespace Appeals.Core.Persistence;

/// <summary>The databases Appeals runs on (configuration key <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, nothing to install.</summary>
    Sqlite,
    /// <summary>A production database.</summary>
    SqlServer,
    /// <summary>A production database, the one CI runs a real server of (issue 15).</summary>
    PostgreSql,
}
