#!/bin/bash
# long.sh NAME DLL: pinned 400-bot msgpack delta run with a 160 s window; 8 perf profiles of 20 s each once the JIT settled
name=$1; gw=$2; out=/tmp/perf34/$name; rm -rf $out; mkdir -p $out
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet /work/main/bench/LoadTest/bin/Release/net10.0/OrleansGame.LoadTest.dll pinned --bots 400 --targets gateway --protocol msgpack --state delta --window 170 --gateway-dll $gw --out $out/lt > $out/console 2>&1 &
lt=$!
until grep -q "JIT settled\|JIT still compiling" $out/console 2>/dev/null; do sleep 2; kill -0 $lt 2>/dev/null || exit 1; done
pid=$(grep -o "gateway: pid [0-9]*" $out/console | grep -o "[0-9]*$")
for i in 1 2 3 4 5 6 7 8; do
  t0=$(sed 's/.*) //' /proc/$pid/stat | awk '{print $12+$13}')
  perf record -F 499 -g -p $pid -o $out/perf$i.data -- sleep 20 > $out/perf$i.log 2>&1
  t1=$(sed 's/.*) //' /proc/$pid/stat | awk '{print $12+$13}')
  echo "chunk $i $(date +%T) cpu% $(( (t1 - t0) / 20 ))" >> $out/chunks.log
done
wait $lt
