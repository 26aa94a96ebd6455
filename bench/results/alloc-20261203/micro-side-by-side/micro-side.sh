#!/bin/bash
# micro-side.sh: the encoder benchmark of fdcaa92 and of head, alternating, on CPU 1
mkdir -p /tmp/micro-side
for r in 1 2; do
  for b in base head; do
    cd /tmp/micro-side && taskset -c 1 dotnet /tmp/bench-$b/bin/MicroBenchmarks/release/OrleansGame.MicroBenchmarks.dll --artifacts /tmp/micro-side/$b$r --filter '*StateEncoder*' --inProcess > /tmp/micro-side/$b$r.log 2>&1
    echo "$b$r $(grep -E '^\| Next' /tmp/micro-side/$b$r.log)" >> /tmp/micro-side/summary.txt
  done
done
