#!/usr/bin/env bash
# Writes the SQLite context's compiled model again (ADR 0092) into src/Appeals.Core/Persistence/CompiledModels/Sqlite.
# Run it after any change to the model (an entity, a configuration, a converter): CompiledModelTests fail until then.
# The old compiled model may no longer compile against the changed entities, so it is deleted and Appeals.Core is built
# without it (-p:NoCompiledModel=true) before `dotnet ef dbcontext optimize` writes it from the model built at run time,
# with the PHI converters in the form that can be written as code (`-- --compiled-model`, see DesignTimeFactories.cs).
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null
out=src/Appeals.Core/Persistence/CompiledModels/Sqlite
rm -rf "$out"
dotnet build src/Appeals.Core -p:NoCompiledModel=true -v q -nologo
dotnet ef dbcontext optimize --no-build --context SqliteAppealsDbContext --output-dir Persistence/CompiledModels/Sqlite \
  --namespace Appeals.Core.Persistence.CompiledModels.Sqlite --project src/Appeals.Core --startup-project src/Appeals.Core \
  -- --compiled-model
# EF would find the model by this assembly attribute and use it for every SQLite context, whatever its protector: only
# contexts of the protector that claimed it may use it (AppealsDatabase.UseAppealsDatabase, ADR 0092).
rm "$out/SqliteAppealsDbContextAssemblyAttributes.cs"
# The next ordinary build must compile the model in again.
dotnet build src/Appeals.Core -v q -nologo >/dev/null
echo "compiled model written to $out"
