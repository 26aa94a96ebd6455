#!/bin/bash
# profile the join bursts: perf on CPU 0 from round 1's end to the stop
a=/tmp/orleansgame-bench/bin; out=${1:-/tmp/jp/r1}; rounds=${2:-6}; mkdir -p $out
DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0 dotnet $a/LoadTest/release/OrleansGame.LoadTest.dll joins --players 2000 --rounds $rounds --pin --gateway-dll $a/Gateway/release/OrleansGame.Gateway.dll --out $out > $out/console.txt 2>&1 &
lt=$!
while ! grep -q "round 1:" $out/console.txt 2>/dev/null; do sleep 0.5; if ! kill -0 $lt 2>/dev/null; then break; fi; done
perf record -F 999 -g -C 0 -o $out/perf.data > $out/perf.log 2>&1 &
pp=$!
while ! grep -q "stopping the players" $out/console.txt; do sleep 0.5; if ! kill -0 $lt 2>/dev/null; then break; fi; done
kill -INT $pp; wait $pp; wait $lt
grep -E "round [0-9]:" $out/console.txt
