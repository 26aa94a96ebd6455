import sys, pickle, collections, re
samples, bursts, BIN, t0 = pickle.load(open(sys.argv[1], 'rb'))
wins = [tuple(map(float, w.split(':'))) for w in sys.argv[2].split(',')]
root = sys.argv[3]
inc = collections.Counter(); n = 0; tot = 0
for t, comm, fr in samples:
    rel = t - t0
    if not any(a <= rel < b for a, b in wins) or comm == 'swapper': continue
    tot += 1
    # frames are leaf first; find index of root
    idx = next((i for i, f in enumerate(fr) if root in f), None)
    if idx is None: continue
    n += 1
    seen = set()
    for f in fr[:idx]:
        m = re.search(r'\] ([^\(]*)', f)
        key = (m.group(1) if m else f)[:120]
        if key not in seen: seen.add(key); inc[key] += 1
print(n, 'of', tot)
for k, v in inc.most_common(int(sys.argv[4]) if len(sys.argv) > 4 else 40): print(f'{v:5d} {100*v/n:5.1f}% {k}')
