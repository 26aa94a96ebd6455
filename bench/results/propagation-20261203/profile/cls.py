import sys,re,collections
# perf script output; per sample: leaf classification (self) and inclusive classification by markers
def asm(sym, dso):
    m=re.search(r'\[([A-Za-z0-9_.]+)\] ([A-Za-z0-9_.`]+)(?:\+|::)', sym)
    if m: 
        ns=m.group(2)
        parts=ns.split('.')
        return m.group(1)+' :: '+'.'.join(parts[:3])
    if 'kernel' in dso: return '[kernel]'
    return dso.split('/')[-1]
selfc=collections.Counter(); incl=collections.Counter(); total=0
markers={'Orleans':'Orleans','SignalR':'SignalR','OrleansGame':'OrleansGame','Kestrel':'Kestrel','WebSockets':'WebSockets','GC':'gc_heap','JIT':'libclrjit'}
samples=[]; cur=[]
for line in sys.stdin:
    if not line.strip():
        if cur: samples.append(cur); cur=[]
        continue
    if line[0] not in ' \t':
        cur=[line]; continue
    cur.append(line)
if cur: samples.append(cur)
for s in samples:
    frames=s[1:]
    if not frames: continue
    total+=1
    f=frames[0].strip()
    m=re.match(r'([0-9a-f]+) (.*) \((.*)\)$', f)
    sym,dso=(m.group(2),m.group(3)) if m else (f,'')
    selfc[asm(sym,dso)]+=1
    st=' '.join(frames)
    for k,v in markers.items():
        if v in st: incl[k]+=1
print('total',total)
for k,v in selfc.most_common(40): print(f'{100*v/total:6.2f} {k}')
print('-- inclusive')
for k,v in incl.most_common(): print(f'{100*v/total:6.2f} {k}')
