import gzip,os,re,sys
# series.py NAME...: the rates between the scrapes in counters/NAME.metrics.gz
here=os.path.dirname(os.path.abspath(__file__))
for name in sys.argv[1:]:
    snaps=[]
    for line in gzip.open(os.path.join(here,'counters',f'{name}.metrics.gz'),'rt'):
        if line.startswith('=='):
            cur={'t':float(line.split()[1])}; snaps.append(cur); continue
        k,v=line.rsplit(' ',1); cur[k]=float(v)
    print(name)
    t0=snaps[0]['t']
    for a,b in zip(snaps,snaps[1:]):
        dt=b['t']-a['t']
        d=lambda pat: sum(b[k]-a.get(k,0) for k in b if k!='t' and re.search(pat,k))/dt
        g=lambda pat: sum(b[k] for k in b if k!='t' and re.search(pat,k))
        print(f"  t+{b['t']-t0:4.0f} cpu {d('process_cpu_time')*100:5.1f}%  gc0 {d('collections_total.*gen0'):5.2f} gc1 {d('collections_total.*gen1'):5.2f} gc2 {d('collections_total.*gen2'):5.2f} pause {d('pause_time')*1000:6.1f}ms/s alloc {d('total_allocated')/1e6:6.1f}MB/s wi {d('work_item_count'):6.0f}/s jit {d('jit_compiled'):5.1f}/s heap {g('last_collection_heap_size')/1e6:6.1f}MB thr {g('thread_pool_thread_count'):3.0f}")
