#!/bin/bash
# threads.sh NAME TARGET: pinned 400-bot msgpack delta run; per-thread context switches of the server over 20 s once the JIT settled
name=$1; target=$2; out=/tmp/prof/$name; rm -rf $out; mkdir -p $out
B=/tmp/orleansgame-bench/bin
dotnet $B/LoadTest/release/OrleansGame.LoadTest.dll pinned --bots 400 --targets $target --protocol msgpack --state delta --window 40 --gateway-dll ${GW:-$B/Gateway/release/OrleansGame.Gateway.dll} --barehub-dll $B/BareHub/release/OrleansGame.BareHub.dll --out $out/lt > $out/console 2>&1 &
lt=$!
until grep -q "JIT settled\|JIT still compiling" $out/console 2>/dev/null; do sleep 2; kill -0 $lt 2>/dev/null || exit 1; done
sleep 5
pid=$(grep -o ": pid [0-9]*" $out/console | tail -1 | grep -o "[0-9]*$")
snap() { for t in /proc/$pid/task/*; do echo "$(basename $t) $(tr ' ' _ < $t/comm) $(awk '/^voluntary/{v=$2}/^nonvoluntary/{n=$2}END{print v, n}' $t/status) $(sed 's/.*) //' $t/stat | awk '{print $12+$13}')"; done; }
snap > $out/t0; sleep 20; snap > $out/t1
wait $lt
python3 - $out <<'PY'
import sys,collections
d=sys.argv[1]
def rd(f):
    r={}
    for l in open(f):
        p=l.split()
        if len(p)==5: r[p[0]]=(p[1],int(p[2]),int(p[3]),int(p[4]))
    return r
a,b=rd(d+'/t0'),rd(d+'/t1')
agg=collections.defaultdict(lambda:[0,0,0,0])
for tid,(n,v,nv,cpu) in b.items():
    v0,nv0,c0=(a[tid][1],a[tid][2],a[tid][3]) if tid in a else (0,0,0)
    g=agg[n]; g[0]+=1; g[1]+=v-v0; g[2]+=nv-nv0; g[3]+=cpu-c0
tot=[sum(x[i] for x in agg.values()) for i in range(4)]
print(f"{'thread':28} {'n':>3} {'vol/s':>8} {'invol/s':>8} {'cpu%':>6}")
for n,g in sorted(agg.items(), key=lambda kv:-kv[1][1]-kv[1][2]):
    if g[1]+g[2]+g[3]==0: continue
    print(f"{n:28} {g[0]:3} {g[1]/20:8.0f} {g[2]/20:8.0f} {g[3]/20:6.1f}")
print(f"{'total':28} {tot[0]:3} {tot[1]/20:8.0f} {tot[2]/20:8.0f} {tot[3]/20:6.1f}")
PY
