using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Appeals.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StatementLevelForeignKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The six row-level foreign keys of the import's big tables become statement-level checks (ADR 0112): frozen SQL
            // (ADR 0123) in the named helper, so that a regenerated migration keeps it by calling the helper again.
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.CreateStatementForeignKeysV1())
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.DropStatementForeignKeysV1())
                migrationBuilder.Sql(statement);
        }
    }
}
