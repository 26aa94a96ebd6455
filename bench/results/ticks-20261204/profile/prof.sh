#!/bin/bash
# prof.sh NAME TARGET(gateway|bare): pinned 400-bot msgpack delta run; 20 s perf profile of the server once the JIT settled
name=$1; target=$2; out=/tmp/prof/$name; rm -rf $out; mkdir -p $out
B=/tmp/orleansgame-bench/bin
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet $B/LoadTest/release/OrleansGame.LoadTest.dll pinned --bots 400 --targets $target --protocol msgpack --state delta --window 40 --gateway-dll $B/Gateway/release/OrleansGame.Gateway.dll --barehub-dll $B/BareHub/release/OrleansGame.BareHub.dll --out $out/lt > $out/console 2>&1 &
lt=$!
until grep -q "JIT settled\|JIT still compiling" $out/console 2>/dev/null; do sleep 2; kill -0 $lt 2>/dev/null || exit 1; done
sleep 5
pid=$(grep -o ": pid [0-9]*" $out/console | tail -1 | grep -o "[0-9]*$")
echo "pid $pid" >> $out/console
perf record -F 999 -g -p $pid -o $out/perf.data -- sleep 20 > $out/perf.log 2>&1
wait $lt
