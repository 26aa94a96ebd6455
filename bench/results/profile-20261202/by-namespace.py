import sys, re, subprocess, collections
def agg(path):
    out = subprocess.run(['perf','report','-i',path,'--no-children','--sort','dso,sym','--stdio','-g','none','--percent-limit','0','-t','|'],capture_output=True,text=True).stdout
    groups = collections.Counter(); total=0.0
    for line in out.splitlines():
        parts=line.split('|')
        if len(parts)<3 or not parts[0].strip().endswith('%'): continue
        pct=float(parts[0].strip().rstrip('%')); dso=parts[1].strip(); sym=re.sub(r'^\[.\]\s*','',parts[2].strip())
        if 'safe_halt' in sym or 'default_idle' in sym: continue
        total+=pct
        if dso.startswith('[kernel'):
            g='kernel'
        else:
            a = re.search(r'\[([A-Za-z][\w.]+)\]', sym)
            if a and dso.startswith('[JIT'):
                name=a.group(1)
                # the declaring assembly: first bracket after return type; use namespace of the method instead
                ns = re.search(r'\]\s*([\w.]+?)\.[\w`<>+]+::', sym)
                g = ns.group(1) if ns else name
                parts=g.split('.')
                g='.'.join(parts[:3]) if parts[0] in ('Microsoft','System') else '.'.join(parts[:2])
            else:
                g=dso
        groups[g]+=pct
    return groups,total
for p in sys.argv[1:]:
    g,t=agg(p)
    print(f"== {p}: busy {t:.1f}% of samples")
    for k,v in g.most_common(28): print(f"  {v:5.1f}  {k}")
