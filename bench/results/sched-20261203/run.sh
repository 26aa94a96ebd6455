#!/bin/bash
# run.sh NAME DLL: one pinned 400-bot MessagePack compact run
name=$1; gw=$2
echo "== $name $gw $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/ab34/runs.log
dotnet /work/main/bench/LoadTest/bin/Release/net10.0/OrleansGame.LoadTest.dll pinned --bots 400 --targets gateway --protocol msgpack --state delta --window 20 --gateway-dll $gw --out /tmp/ab34/$name > /tmp/ab34/$name.console 2>&1
f=$(find /tmp/ab34/$name -name results.json | head -1)
echo "$name: $(grep -o '"serverSideCpu": [0-9.]*\|"idleCpu": [0-9.]*\|"cpuMsPerPlayerSecond": [0-9.]*\|"ackP99": [0-9.]*\|"bytesPerPlayerSecond": [0-9]*\|"serverRssMb": [0-9.]*' $f | tr '\n' ' ')" >> /tmp/ab34/runs.log
