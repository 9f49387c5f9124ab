using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StatementForeignKeysRangeCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Version 2 of the statement-level key checks (ADR 0149): one range scan of the parent's primary key when a
            // statement's keys span only parents this transaction wrote. Frozen SQL (ADR 0123) in the named helper, so that a
            // regenerated migration keeps it by calling the helper again. No model change.
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.CreateStatementForeignKeysV2())
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.DropStatementForeignKeysV2())
                migrationBuilder.Sql(statement);
        }
    }
}
