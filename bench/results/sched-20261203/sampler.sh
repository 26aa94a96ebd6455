#!/bin/bash
# logs, every 10 s, the gateway's threads, its TP workers, and voluntary / involuntary context switches summed over its threads
while true; do
  pid=$(pgrep -f "^dotnet [^ ]*OrleansGame.Gateway.dll" | head -1)
  if [ -n "$pid" ]; then
    th=$(grep ^Threads /proc/$pid/status 2>/dev/null | awk '{print $2}')
    tp=$(grep -l "TP Worker" /proc/$pid/task/*/comm 2>/dev/null | wc -l)
    cs=$(cat /proc/$pid/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ {v+=$2} /^nonvoluntary_ctxt_switches/ {n+=$2} END {print v, n}')
    ticks=$(sed 's/.*) //' /proc/$pid/stat 2>/dev/null | awk '{print $12+$13}')
    echo "$(date +%T) $pid threads=$th tp=$tp vol/invol=$cs ticks=$ticks"
  fi
  sleep 10
done
