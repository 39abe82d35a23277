#!/usr/bin/env bash
# Adds one EF Core migration with the same name to every provider's migrations project.
# Usage: scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  echo "== $provider"
  dotnet build "src/Data.$provider" -v q -nologo >/dev/null
  dotnet ef migrations add "$name" \
    --project "src/Data.$provider" --startup-project "src/Data.$provider" \
    --output-dir Migrations
done
