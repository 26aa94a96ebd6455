#!/bin/bash
# run.sh ORDER...: e.g. A1 B1 B2 A2; pinned 400-bot msgpack delta runs of /tmp/hA or /tmp/hB
LT=/tmp/orleansgame-bench/bin/LoadTest/release/OrleansGame.LoadTest.dll
for r in "$@"; do
  b=${r:0:1}; gw=/tmp/h$b-art/gw/OrleansGame.Gateway.dll
  dotnet $LT pinned --bots 400 --window 20 --targets gateway --protocol msgpack --state delta --gateway-dll $gw --out /tmp/ab1/$r > /tmp/ab1/$r.console 2>&1
  echo "$r $(date +%H:%M) $(grep -E '^\| gateway \| 400 \| raw' /tmp/ab1/$r.console)" >> /tmp/ab1/summary.txt
done
