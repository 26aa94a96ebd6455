import sys,collections
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
for pat in ['ActivityPropagationIncoming','ActivityPropagationOutgoing']:
    n=0; own=0; leafs=collections.Counter()
    for s in samples:
        fr=s[1:]
        idx=[i for i,f in enumerate(fr) if pat in f]
        if not idx: continue
        n+=1; i=idx[0]
        inner=fr[:i]
        if not any('[OrleansGame' in f or 'OrleansGame.' in f for f in inner) and not any('MessageCenter' in f for f in inner):
            own+=1; leafs[fr[0].strip()[17:100]]+=1
    print(pat,'incl',n,'machinery',own)
    for k,v in leafs.most_common(12): print('   ',v,k)
