using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Appeals.Web.Identity;

/// <summary>
/// Users and roles, in the same database as the denial data but owned by the web app, so that Core
/// references no ASP.NET package (ADR 0070). Its migrations keep their own history table. Its
/// options are typed (<c>DbContextOptions&lt;T&gt;</c>) because Core's contexts take the untyped ones.
/// </summary>
public abstract class AppealsIdentityDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser>(options)
{
    public const string MigrationsHistoryTable = "__IdentityMigrationsHistory";
}

/// <summary>The SQLite flavour, so that each provider's migrations live beside the other's (as in Core).</summary>
public class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options) : AppealsIdentityDbContext(options);

/// <summary>The SQL Server flavour.</summary>
public class SqlServerIdentityDbContext(DbContextOptions<SqlServerIdentityDbContext> options) : AppealsIdentityDbContext(options);

/// <summary>The PostgreSQL flavour.</summary>
public class PostgreSqlIdentityDbContext(DbContextOptions<PostgreSqlIdentityDbContext> options) : AppealsIdentityDbContext(options);
