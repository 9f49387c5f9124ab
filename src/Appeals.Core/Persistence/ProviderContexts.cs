using Microsoft.EntityFrameworkCore;

namespace Appeals.Core.Persistence;

/// <summary>
/// The SQLite flavour of <see cref="AppealsDbContext"/>. It exists so that SQLite and SQL Server
/// migrations can live side by side in this assembly, each bound to its own context type (ADR 0020).
/// Code everywhere else asks for <see cref="AppealsDbContext"/>.
/// </summary>
public class SqliteAppealsDbContext(DbContextOptions options) : AppealsDbContext(options);

/// <summary>The SQL Server flavour of <see cref="AppealsDbContext"/>; see <see cref="SqliteAppealsDbContext"/>.</summary>
public class SqlServerAppealsDbContext(DbContextOptions options) : AppealsDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="AppealsDbContext"/>; see <see cref="SqliteAppealsDbContext"/>.</summary>
public class PostgreSqlAppealsDbContext(DbContextOptions options) : AppealsDbContext(options);
