#!/bin/bash
# one2.sh NAME build(base|h35|h36) : one pinned 400-bot MessagePack compact run (base: JSON full, its only encoding, runtime's default GC)
name=$1; build=$2; proto=msgpack; state=delta; env="X=1"
case $build in
  base) gw=/tmp/base13-art/bin/Gateway/release/OrleansGame.Gateway.dll; env="DOTNET_GCgen0size=0"; proto=json; state=full;;
  h35) gw=/tmp/h35-art/gw/OrleansGame.Gateway.dll;;
  h36) gw=/tmp/h36-art/gw/OrleansGame.Gateway.dll;;
esac
echo "== $name $build $proto $state $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/side34/runs2.log
env $env dotnet /work/main/bench/LoadTest/bin/Release/net10.0/OrleansGame.LoadTest.dll pinned --bots 400 --targets gateway --protocol $proto --state $state --window 20 --gateway-dll $gw --out /tmp/side34/$name > /tmp/side34/$name.console 2>&1
f=$(find /tmp/side34/$name -name results.json | head -1)
echo "$name: $(grep -o '"serverSideCpu": [0-9.]*\|"idleCpu": [0-9.]*\|"cpuMsPerPlayerSecond": [0-9.]*\|"ackP99": [0-9.]*\|"bytesPerPlayerSecond": [0-9]*\|"serverRssMb": [0-9.]*' $f | tr '\n' ' ')" >> /tmp/side34/runs2.log
