#!/bin/bash
# alternate base (A) and head (B) join bursts: joins --players 2000 --rounds 3 --pin
a=/tmp/orleansgame-bench/bin
A=$a/Gateway/release/OrleansGame.Gateway.dll   # d565390, the Release build ./bench/run.sh makes
B=/tmp/h40-art/gw/OrleansGame.Gateway.dll     # b300301: dotnet build src/Gateway -c Release -o /tmp/h40-art/gw
out=/tmp/jp/ab; mkdir -p $out
for run in A1 B1 A2 B2 B3 A3; do
  dll=$A; [[ $run == B* ]] && dll=$B
  mkdir -p $out/$run
  dotnet $a/LoadTest/release/OrleansGame.LoadTest.dll joins --players 2000 --rounds 3 --pin --gateway-dll $dll --out $out/$run > $out/$run/console.txt 2>&1
  echo "== $run $(date +%H:%M:%S)" >> $out/summary.txt
  grep -E "round [0-9]:" $out/$run/console.txt >> $out/summary.txt
done
