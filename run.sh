#!/usr/bin/env bash
# Runs the portal on this machine: embedded SQLite (App_Data/portal.db), demo data, development sign-in.
# Usage: ./run.sh [--urls http://127.0.0.1:5000]
set -euo pipefail
cd "$(dirname "$0")"
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
urls=${PORTAL_URLS:-http://127.0.0.1:5000}
dotnet build Portal.App -c Release --nologo -v quiet
cd Portal.App
exec dotnet run -c Release --no-build --urls "$urls" "$@"
