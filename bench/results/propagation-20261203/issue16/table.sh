#!/bin/bash
LT=/tmp/orleansgame-bench/bin/LoadTest/release/OrleansGame.LoadTest.dll
BH=/tmp/orleansgame-bench/bin/BareHub/release/OrleansGame.BareHub.dll
gw=/tmp/hB-art/gw/OrleansGame.Gateway.dll
for r in T1 T2; do
  dotnet $LT pinned --bots 400 --window 20 --targets gateway,bare --protocol msgpack --state delta --gateway-dll $gw --barehub-dll $BH --out /tmp/ab1/$r > /tmp/ab1/$r.console 2>&1
  echo "$r $(date +%H:%M)"; grep -E '^\| (gateway|bare) \| 400 \| raw' /tmp/ab1/$r.console
done >> /tmp/ab1/table.txt
dotnet $LT pinned --steps 700,800 --window 20 --targets gateway --protocol msgpack --state delta --gateway-dll $gw --out /tmp/ab1/K1 > /tmp/ab1/K1.console 2>&1
echo "K1 $(date +%H:%M)" >> /tmp/ab1/table.txt; grep -E '^\| gateway \| [78]00 \| raw' /tmp/ab1/K1.console >> /tmp/ab1/table.txt
