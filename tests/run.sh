#!/usr/bin/env bash
# Installs what the tests need and is missing, builds once, then runs every test project.
# This is the README's test command; .ci/run calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node packages for the interop tests (autobahn-js, wampy): pinned by tests/interop/package-lock.json.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "node and npm are required for the interop tests (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
# `npm install` rather than `npm ci`: npm 11's ci refuses this lock file because the optional
# per-platform packages of cbor-extract (a wampy dependency) carry no version in it; install still
# takes exactly the locked versions and leaves the lock file unchanged.
if [ ! -d tests/interop/node_modules ] || [ tests/interop/package-lock.json -nt tests/interop/node_modules/.package-lock.json ]; then
  (cd tests/interop && npm install --no-audit --no-fund --loglevel=error)
fi

dotnet build LiveStack.sln -c Release -nologo -clp:ErrorsOnly
# Test assemblies run in parallel; each picks free ports, so they do not collide.
dotnet test LiveStack.sln -c Release --no-build -nologo "$@"
