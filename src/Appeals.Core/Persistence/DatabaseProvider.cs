namespace Appeals.Core.Persistence;

/// <summary>The databases Appeals runs on (configuration key <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, nothing to install.</summary>
    Sqlite,
    /// <summary>The production database.</summary>
    SqlServer,
}
