#!/bin/bash
# side.sh NAME build(base|head|bare) protocol state [ENV=VAL ...]: one pinned 400-bot run with the new tool
name=$1; build=$2; proto=$3; state=$4; shift 4
dll=/tmp/h31-art/bin/LoadTest/release/OrleansGame.LoadTest.dll
case $build in
  base) args="--targets gateway --gateway-dll /tmp/base13-art/bin/Gateway/release/OrleansGame.Gateway.dll";;
  head) args="--targets gateway --gateway-dll /tmp/h30-art/bin/Gateway/release/OrleansGame.Gateway.dll";;
  bare) args="--targets bare --barehub-dll /tmp/h30-art/bin/BareHub/release/OrleansGame.BareHub.dll";;
esac
echo "== $name $build $proto $state $* $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/gcx/side.log
env "$@" dotnet $dll pinned --bots 400 $args --protocol $proto --state $state --window 20 --out /tmp/gcx/side-$name > /tmp/gcx/side-$name.console 2>&1
f=$(find /tmp/gcx/side-$name -name results.json | head -1)
echo "$name: $(grep -o '"serverSideCpu": [0-9.]*\|"idleCpu": [0-9.]*\|"cpuMsPerPlayerSecond": [0-9.]*\|"ackP99": [0-9.]*\|"bytesPerPlayerSecond": [0-9]*\|"serverRssMb": [0-9.]*' $f | tr '\n' ' ')" >> /tmp/gcx/side.log
