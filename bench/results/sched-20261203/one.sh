#!/bin/bash
# one.sh NAME build(base|head) protocol state [batch] : one pinned 400-bot run; batch = every gateway thread SCHED_BATCH
name=$1; build=$2; proto=$3; state=$4; batch=$5
case $build in
  base) gw=/tmp/base13-art/bin/Gateway/release/OrleansGame.Gateway.dll; env="DOTNET_GCgen0size=0";;
  head) gw=/tmp/h35-art/gw/OrleansGame.Gateway.dll; env="X=1";;
esac
echo "== $name $build $proto $state $batch $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/side34/runs.log
env $env dotnet /work/main/bench/LoadTest/bin/Release/net10.0/OrleansGame.LoadTest.dll pinned --bots 400 --targets gateway --protocol $proto --state $state --window 20 --gateway-dll $gw --out /tmp/side34/$name > /tmp/side34/$name.console 2>&1 &
lt=$!
if [ -n "$batch" ]; then
  until pid=$(pgrep -f "^dotnet [^ ]*OrleansGame.Gateway.dll"); do sleep 0.2; done
  chrt -a -b -p 0 $pid > /dev/null 2>&1; sleep 3; chrt -a -b -p 0 $pid > /dev/null 2>&1; chrt -p $pid >> /tmp/side34/$name.chrt 2>&1
fi
wait $lt
f=$(find /tmp/side34/$name -name results.json | head -1)
echo "$name: $(grep -o '"serverSideCpu": [0-9.]*\|"idleCpu": [0-9.]*\|"cpuMsPerPlayerSecond": [0-9.]*\|"ackP99": [0-9.]*\|"bytesPerPlayerSecond": [0-9]*\|"serverRssMb": [0-9.]*' $f | tr '\n' ' ')" >> /tmp/side34/runs.log
