#!/usr/bin/env bash
# Regenerates the PostgreSQL migrations from the current model, in one step (ADR 0110):
#   Core:     src/Appeals.Core/Persistence/Migrations/PostgreSql  (PostgreSqlAppealsDbContext)
#   Identity: src/Appeals.Web/Identity/Migrations/PostgreSql      (PostgreSqlIdentityDbContext)
# Each folder is deleted and generated again as one InitialCreate (no PostgreSQL database of Appeals is in use yet, so
# no history has to be kept; once one is, add migrations with `dotnet ef migrations add` instead, see ADR 0020).
# The model alone does not make the rollup triggers: the Core migration's Up and Down then get the calls of the named
# helper MigrationSqlScripts.CreateRollupTriggersV3/DropRollupTriggersV3 (the latest version)(DatabaseProvider.PostgreSql) (frozen SQL, ADR 0123), as the SQLite and SQL Server migrations have,
# and then CreateStatementForeignKeysV1/DropStatementForeignKeysV1 (PostgreSQL only, ADR 0112: a regenerated InitialCreate
# replaces the StatementLevelForeignKeys migration, so it must make what that migration makes) and
# CreateStatementForeignKeysV2/DropStatementForeignKeysV2 (ADR 0149, the StatementForeignKeysRangeCheck migration).
# Needs no database: the design-time factories never open a connection.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null

core=src/Appeals.Core/Persistence/Migrations/PostgreSql
rm -rf "$core"
dotnet ef migrations add InitialCreate --context PostgreSqlAppealsDbContext --output-dir Persistence/Migrations/PostgreSql \
  --project src/Appeals.Core --startup-project src/Appeals.Core

identity=src/Appeals.Web/Identity/Migrations/PostgreSql
rm -rf "$identity"
dotnet ef migrations add InitialIdentity --context PostgreSqlIdentityDbContext --output-dir Identity/Migrations/PostgreSql \
  --project src/Appeals.Web --startup-project src/Appeals.Web

migration=$(ls "$core"/*_InitialCreate.cs)
python3 - "$migration" <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path).read()
create = """
            // The triggers that keep the dashboard rollups, and a backfill from existing rows (ADR 0052); added by
            // scripts/regenerate-postgres-migrations.sh: the model alone does not create triggers.
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.CreateRollupTriggersV3(Appeals.Core.Persistence.DatabaseProvider.PostgreSql))
                migrationBuilder.Sql(statement);

            // The big import tables' foreign keys checked once per statement, not once per row (ADR 0112).
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.CreateStatementForeignKeysV1())
                migrationBuilder.Sql(statement);

            // Their insert/update checks' version 2: one range scan when the keys span only the transaction's own parents (ADR 0149).
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.CreateStatementForeignKeysV2())
                migrationBuilder.Sql(statement);
"""
drop = """
            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.DropStatementForeignKeysV2())
                migrationBuilder.Sql(statement);

            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.DropStatementForeignKeysV1())
                migrationBuilder.Sql(statement);

            foreach (var statement in Appeals.Core.Persistence.MigrationSql.MigrationSqlScripts.DropRollupTriggersV3(Appeals.Core.Persistence.DatabaseProvider.PostgreSql))
                migrationBuilder.Sql(statement);
"""
up = re.search(r"protected override void Up\(MigrationBuilder migrationBuilder\)\n        \{\n", text)
down_start = text.index("protected override void Down(MigrationBuilder migrationBuilder)")
up_end = text.rindex("        }\n", 0, down_start)
text = text[:up_end] + create + text[up_end:]
down = re.search(r"protected override void Down\(MigrationBuilder migrationBuilder\)\n        \{\n", text)
text = text[:down.end()] + drop.lstrip("\n") + "\n" + text[down.end():]
open(path, "w").write(text)
EOF
echo "regenerated: $core, $identity"
