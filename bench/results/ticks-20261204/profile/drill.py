import sys,re,collections
pat=sys.argv[2]; excl=sys.argv[3] if len(sys.argv)>3 else None
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
def short(f):
    f=f.strip(); f=re.sub(r'^[0-9a-f]+ ','',f); f=re.sub(r'\((/[^)]*|\[[^)]*\])\)$','',f)
    m=re.search(r'\] ([A-Za-z0-9_.`+<>|]+::[A-Za-z0-9_.`<>|]+)',f)
    return (m.group(1) if m else f)[:110]
leaf=collections.Counter(); frames=collections.Counter(); n=0
for s in samples:
    st=''.join(s[1:])
    if pat not in st: continue
    if excl and excl in st: continue
    n+=1; leaf[short(s[1])]+=1
    seen=set()
    for f in s[1:]:
        k=short(f)
        if k not in seen: seen.add(k); frames[k]+=1
print('n',n)
print('-- top inclusive frames')
for k,v in frames.most_common(45): print(f'{v:5d} {k}')
