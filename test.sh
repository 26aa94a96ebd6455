#!/usr/bin/env bash
# Runs every test suite of OrleansGame and ends with one line: "tests: N passed, M failed".
# Installs what the suites need on a fresh Debian machine (as root), restores, builds with warnings as
# errors, then runs the .NET test projects, the client's Node tests and the browser tests.
# The servers the .NET suites start (silos, gateways, nginx) leave their output in test-output/<suite>/processes/.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
out="$root/test-output"
rm -rf "$out" && mkdir -p "$out"

passed=0
failed=0
step() { printf '\n==> %s\n' "$*"; }
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

# Each suite must run at least as many tests as its floor in tests/floors.txt ("<suite> <count>" lines): a suite that
# silently loses tests (a broken discovery, a reporter whose output is misread, a file no longer matched) fails.
floors="$root/tests/floors.txt"
floor_check() { # suite, tests it ran
  local floor
  floor=$(awk -v suite="$1" '$1 == suite { print $2 }' "$floors" 2>/dev/null)
  if [ -z "$floor" ]; then
    echo "$1: no floor in tests/floors.txt: add the line \"$1 $2\" there (counted as one failure)"
    count 0 1
  elif [ "$2" -lt "$floor" ]; then
    echo "$1: ran $2 tests, fewer than its floor of $floor in tests/floors.txt (counted as one failure)"
    count 0 1
  fi
}

# --- what the suites need from Debian ---------------------------------------------------------------
need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v nginx >/dev/null || need+=(nginx)
command -v chromium >/dev/null || need+=(chromium)
command -v docker-compose >/dev/null || need+=(docker-compose)
command -v ss >/dev/null || need+=(iproute2)
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >"$out/apt.log" 2>&1 && apt-get install -y -qq "${need[@]}" >>"$out/apt.log" 2>&1 \
      || { echo "apt-get failed; see $out/apt.log"; tail -20 "$out/apt.log"; }
  else
    echo "not root: install ${need[*]} yourself (the suites that need them will fail)"
  fi
fi

# --- build -------------------------------------------------------------------------------------------
step "dotnet build (warnings are errors)"
if ! dotnet build OrleansGame.sln -warnaserror -nologo -v:q -clp:ErrorsOnly >"$out/build.log" 2>&1; then
  cat "$out/build.log" | tail -60
  echo "build failed"
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

# --- .NET test projects --------------------------------------------------------------------------------
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  step "$name"
  log="$out/$name.log"
  ORLEANSGAME_PROCESS_LOGS="$out/$name/processes" \
    dotnet run --project "$project" --no-build -- --timeout 20m --results-directory "$out/$name" >"$log" 2>&1
  rc=$?
  ok=$(sed -n 's/^ *succeeded: \([0-9]*\)$/\1/p' "$log" | tail -1)
  bad=$(sed -n 's/^ *failed: \([0-9]*\)$/\1/p' "$log" | tail -1)
  if [ -z "$ok" ] || [ -z "$bad" ]; then
    tail -40 "$log"
    echo "$name: no summary (exit $rc): counted as one failure"
    count 0 1
    continue
  fi
  if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then bad=1; fi
  [ "$bad" -ne 0 ] && grep -E '^(failed|error) ' -A 12 "$log" | head -150
  grep -E '^ *(total|failed|succeeded|skipped|duration):' "$log" | tr -s ' ' | paste -sd' '
  count "$ok" "$bad"
  floor_check "$name" $((ok + bad))
done

# --- the game mode template -------------------------------------------------------------------------------
# templates/GameMode as users meet it: the room API packed to a folder feed, the template installed into a
# temporary hive, its output built and tested outside the repository (package) and inside it (project reference).
step "template (dotnet new orleansgame-mode)"
if scripts/test-template.sh "$out/template" >"$out/template.log" 2>&1; then rc=0; else rc=$?; fi
summary=$(sed -n 's/^template: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$out/template.log" | tail -1)
if [ -z "$summary" ]; then tail -40 "$out/template.log"; count 0 1; else
  read -r ok bad <<<"$summary"
  [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
  [ "$bad" -ne 0 ] && grep -E 'FAILED|error|failed' "$out/template.log" | head -40
  echo "pass $ok, fail $bad"
  count "$ok" "$bad"
  floor_check template $((ok + bad))
fi

# --- JavaScript client and browser suites -------------------------------------------------------------
if [ -f client/package.json ]; then
  step "client (node --test)"
  (cd client && npm ci --no-audit --no-fund >"$out/npm-ci.log" 2>&1) || { tail -30 "$out/npm-ci.log"; count 0 1; }
  # The reporter is pinned (TAP, whatever Node's default becomes) in package.json's test script, with a timeout per
  # test; the whole run is bounded here too, so a hung browser or gateway cannot hold the suite forever.
  if (cd client && timeout --kill-after=30s 30m npm test >"$out/client.log" 2>&1); then rc=0; else rc=$?; fi
  [ "$rc" -eq 124 ] && echo "client: the Node suites did not finish within 30 minutes and were stopped"
  ok=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$out/client.log" | tail -1)
  bad=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$out/client.log" | tail -1)
  cancelled=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$out/client.log" | tail -1)
  if [ -z "$ok" ] || [ -z "$bad" ]; then
    tail -40 "$out/client.log"
    echo "client: no TAP summary (exit $rc): counted as one failure"
    count 0 1
  else
    bad=$((bad + ${cancelled:-0}))
    [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
    [ "$bad" -ne 0 ] && grep -E 'not ok|Error|expected|actual' "$out/client.log" | head -60
    echo "pass $ok, fail $bad"
    count "$ok" "$bad"
    floor_check client $((ok + bad))
  fi
fi

# What the cluster suites measured (hand-over gaps, reconnect times), as they printed it.
measured=$(grep -h '\[measured\]' "$out"/*.log 2>/dev/null | sed 's/^ *//' | sort -u)
[ -n "$measured" ] && { step "measured"; echo "$measured"; }

echo
echo "logs: $out"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
