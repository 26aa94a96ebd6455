#!/usr/bin/env bash
# Tests the `dotnet new` template in templates/GameMode as its users meet it, offline:
#   1. packs src/Rooms (the room API) into a temporary folder feed;
#   2. installs the template into a temporary custom hive (the user's own template list is untouched);
#   3. outside the repository: instantiates it in a temporary folder whose nuget.config names only that feed and
#      the local NuGet cache (as a folder feed, restored into a private packages folder, so no stale OrleansGame.Rooms
#      from an earlier run is reused), builds it with warnings as errors and runs its tests;
#   4. inside the repository (under the given output folder): instantiates it again, where it references
#      src/Rooms itself, builds it and runs its tests.
# Ends with one line, "template: N passed, M failed" (a failed build or step counts as one failure).
# Usage: scripts/test-template.sh [output-folder]   (default: test-output/template)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
inside="${1:-$root/test-output/template}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/orleansgame-template.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
rm -rf "$inside" && mkdir -p "$inside"

passed=0
failed=0
fail() { echo "FAILED: $*"; failed=$((failed + 1)); }
run() { echo "\$ $*"; timeout 900 "$@"; }

finish() {
  echo "template: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
  exit
}

run dotnet pack src/Rooms/Rooms.csproj -o "$tmp/feed" -nologo -v:q -clp:ErrorsOnly || { fail "dotnet pack src/Rooms"; finish; }
run dotnet new install "$root/templates/GameMode" --debug:custom-hive "$tmp/hive" || { fail "dotnet new install"; finish; }

# Builds and tests one instance of the template; $1 is the folder the new mode goes into.
instance() {
  local target=$1
  run dotnet new orleansgame-mode -n MyGame -o "$target" --debug:custom-hive "$tmp/hive" || { fail "dotnet new orleansgame-mode -o $target"; return; }
  [ -f "$target/MyGameMode.cs" ] && grep -q 'Name = "my-game"' "$target/MyGameMode.cs" || { fail "the instance has no MyGameMode named my-game"; return; }
  run dotnet build "$target/MyGame.Tests/MyGame.Tests.csproj" -warnaserror -nologo -v:q -clp:ErrorsOnly || { fail "dotnet build of $target"; return; }
  local log="$tmp/tests.log"
  run dotnet run --project "$target/MyGame.Tests" --no-build -- --timeout 5m >"$log" 2>&1
  local rc=$?
  cat "$log"
  local ok bad
  ok=$(sed -n 's/^ *succeeded: \([0-9]*\)$/\1/p' "$log" | tail -1)
  bad=$(sed -n 's/^ *failed: \([0-9]*\)$/\1/p' "$log" | tail -1)
  if [ -z "$ok" ] || [ -z "$bad" ]; then fail "the tests of $target printed no summary (exit $rc)"; return; fi
  [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
  passed=$((passed + ok))
  failed=$((failed + bad))
}

# How the restored mode in $1 references the room API: "package", "project", or nothing.
rooms_reference() {
  node -e 'const assets = require(process.argv[1]); const [, library] = Object.entries(assets.libraries).find(([name]) => name.startsWith("OrleansGame.Rooms/")) ?? [];
           console.log(library?.type ?? "none")' "$1/obj/project.assets.json" 2>/dev/null
}

# Outside the repository: the OrleansGame.Rooms package from the feed.
cache=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
mkdir -p "$tmp/work"
cat >"$tmp/work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$tmp/packages" />
  </config>
  <packageSources>
    <clear />
    <add key="orleansgame" value="$tmp/feed" />
    <add key="local-cache" value="${cache%/}" />
  </packageSources>
</configuration>
XML
instance "$tmp/work/src/MyGame"
[ "$(rooms_reference "$tmp/work/src/MyGame")" = package ] \
  || fail "outside the repository the mode does not reference the OrleansGame.Rooms package"

# Inside the repository: src/Rooms by project reference.
instance "$inside/src/MyGame"
[ "$(rooms_reference "$inside/src/MyGame")" = project ] \
  || fail "inside the repository the mode does not reference src/Rooms"

finish
