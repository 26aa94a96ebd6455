#!/bin/bash
A=/tmp/h32-art/gw/OrleansGame.Gateway.dll; B=/tmp/h33-art/gw/OrleansGame.Gateway.dll
for r in 1 2 3; do
  if [ $((r % 2)) = 1 ]; then /tmp/ab33/run.sh a$r $A; /tmp/ab33/run.sh b$r $B; else /tmp/ab33/run.sh b$r $B; /tmp/ab33/run.sh a$r $A; fi
done
echo done >> /tmp/ab33/runs.log
