#!/bin/bash
# a bound of 32 joins in flight per gateway (C, prototype) against b300301 (B): joins --players 2000 --rounds 3 --pin
a=/tmp/orleansgame-bench/bin
B=/tmp/h40-art/gw/OrleansGame.Gateway.dll
C=/tmp/h41-art/gw/OrleansGame.Gateway.dll
out=/tmp/jp/fifo; mkdir -p $out
for run in C1 B4 C2; do
  dll=$B; [[ $run == C* ]] && dll=$C
  mkdir -p $out/$run
  dotnet $a/LoadTest/release/OrleansGame.LoadTest.dll joins --players 2000 --rounds 3 --pin --gateway-dll $dll --out $out/$run > $out/$run/console.txt 2>&1
  echo "== $run $(date +%H:%M:%S)" >> $out/summary.txt
  grep -E "round [0-9]:" $out/$run/console.txt >> $out/summary.txt
done
