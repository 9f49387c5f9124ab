using System.Data;
using System.Data.Common;
using Appeals.Core.Audit;
using Appeals.Core.Persistence;
using Appeals.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using IsolationLevel = System.Data.IsolationLevel;

namespace Appeals.Core.Tests.Audit;

/// <summary>
/// The chain's cross-process lock on SQL Server (ADR 0102). No SQL Server runs here, so these tests check the SQL the app issues:
/// EF's SQL Server provider is given a connection that sends nothing and keeps, in order, the statements it would have sent;
/// the lock's statement is parsed as T-SQL. PostgreSQL's lock is tested for real in <see cref="AuditChainTests"/> (on PostgreSQL).
/// </summary>
public sealed class AuditChainLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SqlServer_AppendingARow_TakesTheApplockBeforeItReadsTheTail()
    {
        var sent = new SentCommands();
        await using var db = SqlServerContext(sent);

        // The tail's read is where the captured run stops: what matters is what came before it, in the same transaction.
        await Assert.ThrowsAsync<SentCommands.Stop>(() => new AuditLog(db, TimeProvider.System).AppendAsync("specialist", AuditActions.CaseView, ct: Ct));

        Assert.Equal(AuditChainLock.SqlServerStatement, sent.Commands[0]);
        Assert.Contains("AuditEntries", sent.Commands[1]);
        Assert.True(sent.InTransaction.All(inside => inside), "a statement ran outside the append's transaction");
    }

    [Fact]
    public async Task SqlServer_RecordingAnAction_TakesTheApplockBeforeTheActionRuns()
    {
        var sent = new SentCommands();
        await using var db = SqlServerContext(sent);
        var countBeforeAction = -1;

        await new AuditLog(db, TimeProvider.System).RecordAsync(() => Task.FromResult(countBeforeAction = sent.Commands.Count), _ => null, Ct);

        Assert.Equal(1, countBeforeAction);
        Assert.Equal(AuditChainLock.SqlServerStatement, sent.Commands[0]);
        Assert.True(sent.InTransaction[0]);
    }

    [Fact]
    public void SqlServerStatement_IsValidTSql_ForAnExclusiveApplockOwnedByTheTransaction_ThatFailsWhenRefused()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var script = parser.Parse(new StringReader(AuditChainLock.SqlServerStatement), out var errors);

        Assert.Empty(errors);
        var statements = ((TSqlScript)script).Batches.Single().Statements;
        var exec = statements.OfType<ExecuteStatement>().Single().ExecuteSpecification;
        var call = (ExecutableProcedureReference)exec.ExecutableEntity;
        Assert.Equal("sp_getapplock", call.ProcedureReference.ProcedureReference.Name.BaseIdentifier.Value);
        var parameters = call.Parameters.ToDictionary(p => p.Variable.Name, p => ((Literal)p.ParameterValue).Value, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(AuditChainLock.Resource, parameters["@Resource"]);
        Assert.Equal("Exclusive", parameters["@LockMode"]);
        Assert.Equal("Transaction", parameters["@LockOwner"]);
        Assert.NotNull(exec.Variable); // the return code is kept ...
        var refused = statements.OfType<IfStatement>().Single();
        Assert.Contains(Flatten(refused.ThenStatement), s => s is ThrowStatement); // ... and a negative one (timeout, deadlock) is raised
    }

    [Fact]
    public void Sqlite_TakesNoLockOfItsOwn_ItsWriteTransactionExcludesOtherWriters()
    {
        using var db = AppealsDatabase.CreateContext(DatabaseProvider.Sqlite, "Data Source=:memory:", PhiKeyRing.Ephemeral());
        Assert.Null(AuditChainLock.Statement(db));
    }

    private static IEnumerable<TSqlStatement> Flatten(TSqlStatement statement) =>
        statement is BeginEndBlockStatement block ? block.StatementList.Statements.SelectMany(Flatten) : [statement];

    private static SqlServerAppealsDbContext SqlServerContext(SentCommands sent)
    {
        var options = new DbContextOptionsBuilder()
            .UseSqlServer(sent, sql => sql.CommandTimeout(300))
            .UsePhiProtector(PhiKeyRing.Ephemeral())
            .Options;
        return new SqlServerAppealsDbContext(options);
    }

    /// <summary>
    /// A connection to a SQL Server that is not there: it "opens", "begins" transactions, and keeps each command's text (and
    /// whether it was in a transaction) instead of sending it; a query stops the run (<see cref="Stop"/>).
    /// </summary>
    private sealed class SentCommands : DbConnection
    {
        public sealed class Stop : Exception;

        private ConnectionState _state = ConnectionState.Closed;

        public List<string> Commands { get; } = [];
        public List<bool> InTransaction { get; } = [];

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string ConnectionString { get; set; } = "Server=tcp:sqlserver.invalid,1433;Database=Appeals;Encrypt=true";
        public override string Database => "Appeals";
        public override string DataSource => "sqlserver.invalid";
        public override string ServerVersion => "16.00.0000";
        public override ConnectionState State => _state;
        public override void ChangeDatabase(string databaseName) { }
        public override void Open() => _state = ConnectionState.Open;
        public override void Close() => _state = ConnectionState.Closed;
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new NoTransaction(this);
        protected override DbCommand CreateDbCommand() => new KeptCommand(this);

        private sealed class KeptCommand(SentCommands connection) : DbCommand
        {
            // SqlClient's own parameter collection, so EF's SQL Server parameters have somewhere to go.
            private readonly Microsoft.Data.SqlClient.SqlCommand _parameters = new();

            [System.Diagnostics.CodeAnalysis.AllowNull] public override string CommandText { get; set; } = "";
            public override int CommandTimeout { get; set; }
            public override CommandType CommandType { get; set; }
            public override bool DesignTimeVisible { get; set; }
            public override UpdateRowSource UpdatedRowSource { get; set; }
            protected override DbConnection? DbConnection { get; set; } = connection;
            protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;
            protected override DbTransaction? DbTransaction { get; set; }
            public override void Cancel() { }
            public override void Prepare() { }
            protected override DbParameter CreateDbParameter() => _parameters.CreateParameter();

            public override int ExecuteNonQuery()
            {
                Keep();
                return -1;
            }

            public override object? ExecuteScalar()
            {
                Keep();
                throw new Stop();
            }

            protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
            {
                Keep();
                throw new Stop();
            }

            private void Keep()
            {
                connection.Commands.Add(CommandText);
                connection.InTransaction.Add(DbTransaction is not null);
            }
        }
    }

    private sealed class NoTransaction(DbConnection connection) : DbTransaction
    {
        protected override DbConnection DbConnection => connection;
        public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;
        public override void Commit() { }
        public override void Rollback() { }
    }
}
