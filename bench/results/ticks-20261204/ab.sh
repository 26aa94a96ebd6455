#!/bin/bash
# ab.sh OUT ORDER...: pinned 400-bot msgpack delta runs of the gateway builds /tmp/ab<X>, in the order given
out=$1; shift; mkdir -p $out
B=/tmp/orleansgame-bench/bin
i=0
for x in "$@"; do
  i=$((i+1))
  d=$out/$i-$x; mkdir -p $d
  dotnet $B/LoadTest/release/OrleansGame.LoadTest.dll pinned --bots 400 --targets gateway --protocol msgpack --state delta --window 20 --gateway-dll /tmp/ab$x/OrleansGame.Gateway.dll --out $d > $d/console 2>&1
  row=$(grep -h "^| gateway | 400 | raw" $d/*/*.md | head -1)
  echo "$i $x $row" >> $out/summary.txt
done
