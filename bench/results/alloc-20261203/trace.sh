#!/bin/bash
# trace.sh NAME: pinned 400-bot msgpack delta run of /tmp/${ART:-h32-art}; 20 s allocation trace of the gateway once the JIT settled
name=$1; out=/tmp/alloc/$name; mkdir -p $out
dotnet /work/main/bench/LoadTest/bin/Release/net10.0/OrleansGame.LoadTest.dll pinned --bots 400 --targets gateway --protocol msgpack --state delta --window 60 --gateway-dll /tmp/${ART:-h32-art}/gw/OrleansGame.Gateway.dll --out $out/lt > $out/console 2>&1 &
lt=$!
until grep -q "JIT settled\|JIT still compiling" $out/console 2>/dev/null; do sleep 2; kill -0 $lt 2>/dev/null || exit 1; done
sleep 5
pid=$(grep -o "gateway: pid [0-9]*" $out/console | grep -o "[0-9]*$")
cat /proc/$pid/environ | tr '\0' '\n' | grep GCgen0 >> $out/console
cd /work/main/bench && timeout 60 dotnet dotnet-trace collect -p $pid --providers "Microsoft-Windows-DotNETRuntime:0x1:5" --duration 00:00:00:20 -o $out/alloc.nettrace > $out/trace.log 2>&1
wait $lt
