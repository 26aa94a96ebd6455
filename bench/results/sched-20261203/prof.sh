#!/bin/bash
# prof.sh NAME DLL [extra load args]: pinned 400-bot msgpack delta run; 20 s perf profile of the gateway once the JIT settled
name=$1; gw=$2; shift 2; out=/tmp/perf34/$name; rm -rf $out; mkdir -p $out
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet /work/main/bench/LoadTest/bin/Release/net10.0/OrleansGame.LoadTest.dll pinned --bots 400 --targets gateway --protocol msgpack --state delta --window 40 --gateway-dll $gw --out $out/lt "$@" > $out/console 2>&1 &
lt=$!
until grep -q "JIT settled\|JIT still compiling" $out/console 2>/dev/null; do sleep 2; kill -0 $lt 2>/dev/null || exit 1; done
sleep 5
pid=$(grep -o "gateway: pid [0-9]*" $out/console | grep -o "[0-9]*$")
echo "pid $pid" >> $out/console
perf record -F 999 -g -p $pid -o $out/perf.data -- sleep 20 > $out/perf.log 2>&1
wait $lt
