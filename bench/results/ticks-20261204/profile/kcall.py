import sys,collections,re
samples=[]; cur=[]
for line in open(sys.argv[1]):
    if not line.strip():
        if cur: samples.append(cur); cur=[]
        continue
    if line[0] not in ' \t':
        if cur: samples.append(cur)
        cur=[line]; continue
    cur.append(line)
if cur: samples.append(cur)
c=collections.Counter(); ks=collections.Counter(); n=0
for s in samples:
    fr=s[1:]
    if not fr or 'kernel' not in fr[0]: continue
    n+=1
    # first kernel syscall-ish frame name and first user frame
    kf=[f.strip().split(' ',1)[1].rsplit(' (',1)[0] for f in fr if 'kernel' in f]
    sysc=next((k for k in kf if k.startswith('__x64_sys') or k.startswith('__sys') or 'do_syscall' in k), None)
    sysc=next((k for k in reversed(kf) if k.startswith('__x64_sys_')), kf[-1])
    uf=next((f.strip().split(' ',1)[1][:70] for f in fr if 'kernel' not in f), '?')
    c[sysc]+=1
print('kernel samples',n)
for k,v in c.most_common(25): print(v,k)
