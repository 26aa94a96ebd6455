#!/usr/bin/env bash
# The load test in one command: builds the gateway, the bare hub and the generator in Release, then ramps the bots
# against each server in turn and prints the table (also written to bench/results/<stamp>-ramp-json/).
#
#   ./bench/run.sh                                  ramp, JSON, gateway then bare hub, 1 generator process
#   ./bench/run.sh --protocol msgpack --generators 2
#   ./bench/run.sh run --bots 400 --targets gateway one level only
#   ./bench/run.sh --targets split                  silo + client-mode gateway + redis as separate processes
#   ./bench/run.sh pinned --targets gateway,bare    the pinned measurement: server on CPU 0, generator on the others, raw
#                                                   WebSocket bots, every level from none after a rest, 20 s windows;
#                                                   reports CPU and bytes per player-second and players per server core
#   ./bench/run.sh pinned --bots 400                one level (--client signalr: the SignalR client bots instead)
#   ./bench/run.sh joins --players 2000             quick joins in a burst: players connect first, then all join at once
#   ./bench/run.sh joins --players 2000 --targets split --silos 2 --pin    2 silos; server on CPU 0, generator on the rest
#   ./bench/run.sh micro [BenchmarkDotNet args]     the micro-benchmarks (default: all, short job)
#
# Builds go to $BENCH_ARTIFACTS (default /tmp/orleansgame-bench), never into the repository's bin/obj.
set -euo pipefail
cd "$(dirname "$0")/.."
artifacts="${BENCH_ARTIFACTS:-/tmp/orleansgame-bench}"

build() {
  dotnet build "$1" -c Release --artifacts-path "$artifacts" -p:SkipClientBuild=true -nologo -v:q -clp:ErrorsOnly
}

if [[ "${1:-}" == "micro" ]]; then
  shift
  build bench/MicroBenchmarks
  args=("$@")
  [[ ${#args[@]} -eq 0 ]] && args=(--filter '*' --job short)
  # In-process: the build lives outside the repository, where BenchmarkDotNet could not find a project to rebuild.
  args+=(--inProcess)
  exec dotnet "$artifacts/bin/MicroBenchmarks/release/OrleansGame.MicroBenchmarks.dll" \
    --artifacts bench/results/micro "${args[@]}"
fi

mode=ramp
if [[ "${1:-}" == "ramp" || "${1:-}" == "run" || "${1:-}" == "pinned" || "${1:-}" == "joins" ]]; then mode="$1"; shift; fi

build src/Gateway
build src/Silo
build bench/LoadTest
if [[ "$mode" == "joins" ]]; then
  # A join round is seconds long: no runtime counters, and the bare hub has no matchmaking.
  exec dotnet "$artifacts/bin/LoadTest/release/OrleansGame.LoadTest.dll" joins \
    --gateway-dll "$artifacts/bin/Gateway/release/OrleansGame.Gateway.dll" \
    --silo-dll "$artifacts/bin/Silo/release/OrleansGame.Silo.dll" \
    --out bench/results "$@"
fi

build bench/BareHub
counters=(--counters bench)
if [[ "$mode" == "pinned" ]]; then
  # The pinned measurement keeps the server's core to the server: no EventPipe session attached to it.
  counters=()
else
  (cd bench && dotnet tool restore >/dev/null) || echo "dotnet-counters not restored: runtime counters will be missing" >&2
fi
exec dotnet "$artifacts/bin/LoadTest/release/OrleansGame.LoadTest.dll" "$mode" \
  --gateway-dll "$artifacts/bin/Gateway/release/OrleansGame.Gateway.dll" \
  --barehub-dll "$artifacts/bin/BareHub/release/OrleansGame.BareHub.dll" \
  --silo-dll "$artifacts/bin/Silo/release/OrleansGame.Silo.dll" \
  "${counters[@]}" --out bench/results "$@"
