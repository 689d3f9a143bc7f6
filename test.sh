#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (chromium for the browser
# tests, openpyxl to read exported workbooks back, LibreOffice Writer to open generated letters, the OpenID
# Connect test provider's npm packages),
# then builds and runs every test. Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c "import openpyxl" 2>/dev/null || missing+=(python3-openpyxl)
# The OpenID Connect tests run a local provider on Node and make its throwaway certificate with openssl.
command -v openssl >/dev/null || missing+=(openssl)
command -v node >/dev/null || missing+=(nodejs)
# The letters test opens generated .docx files in LibreOffice Writer, as a person's office suite would.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}…"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

oidc=Portal.Tests/Browser/oidc
if [ -f "$oidc/package.json" ] && [ ! -d "$oidc/node_modules" ]; then
  echo "Installing the OpenID Connect test provider…"
  (cd "$oidc" && npm ci --no-audit --no-fund --loglevel=error)
fi

started=$(date +%s)
dotnet build Portal.sln -c Release --nologo -v quiet
set +e
dotnet test Portal.sln -c Release --no-build --nologo --logger "console;verbosity=normal" "$@" | tee /tmp/portal-test-output.txt
status=${PIPESTATUS[0]}
set -e
# dotnet test's normal-verbosity summary: "Total tests: N", "Passed: N", "Failed: N", "Skipped: N".
count() { grep -E "^ *$1: +[0-9]+$" /tmp/portal-test-output.txt | tail -n 1 | grep -oE "[0-9]+" || echo 0; }
passed=$(count Passed); failed=$(count Failed); skipped=$(count Skipped)
echo "Suite time: $(( $(date +%s) - started )) s"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
