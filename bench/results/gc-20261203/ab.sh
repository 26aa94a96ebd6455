#!/bin/bash
# ab.sh NAME [ENV=VAL ...]: one pinned 400-bot MessagePack compact run of the head build, with the runtime scraped
name=$1; shift
dll=/tmp/h30-art/bin/LoadTest/release/OrleansGame.LoadTest.dll; gw=/tmp/h30-art/bin/Gateway/release/OrleansGame.Gateway.dll
if [ -z "$NOSCRAPE" ]; then /tmp/gcx/scrape.sh /tmp/gcx/$name.metrics & s=$!; else s=; fi
echo "== $name $* $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/gcx/runs.log
env "$@" dotnet $dll pinned --bots 400 --targets gateway --protocol msgpack --state delta --window 20 --gateway-dll $gw --out /tmp/gcx/$name > /tmp/gcx/$name.console 2>&1
[ -n "$s" ] && kill $s
f=$(find /tmp/gcx/$name -name results.json | head -1)
echo "$name: $(grep -o '"serverSideCpu": [0-9.]*\|"idleCpu": [0-9.]*\|"cpuMsPerPlayerSecond": [0-9.]*\|"ackP99": [0-9.]*\|"bytesPerPlayerSecond": [0-9]*\|"serverRssMb": [0-9.]*' $f | tr '\n' ' ')" >> /tmp/gcx/runs.log
