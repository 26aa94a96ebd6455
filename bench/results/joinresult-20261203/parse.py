import sys, re, collections
path = sys.argv[1]
samples = []  # (time, comm, frames)
cur = None
for line in open(path, errors='replace'):
    if not line.strip():
        continue
    if not line.startswith('\t') and not line.startswith(' ' * 5):
        m = re.match(r'^(.*?)\s+(\d+\.\d+):', line)
        if m:
            cur = [float(m.group(2)), m.group(1).strip(), []]
            samples.append(cur)
            continue
    if cur is not None:
        parts = line.strip().split(' ', 1)
        cur[2].append(parts[1] if len(parts) > 1 else parts[0])
print(len(samples), 'samples', file=sys.stderr)
t0 = samples[0][0]
BIN = 0.05
bins = collections.defaultdict(lambda: [0, 0])
for t, comm, fr in samples:
    b = int((t - t0) / BIN)
    bins[b][0] += 1
    if comm != 'swapper':
        bins[b][1] += 1
# bursts: runs of bins with busy > 0.7
bursts = []
run = []
for b in range(max(bins) + 1):
    tot, busy = bins.get(b, [0, 0])
    if tot and busy / tot > 0.7:
        run.append(b)
    else:
        if len(run) >= 3:
            bursts.append((run[0], run[-1]))
        run = []
for s, e in bursts:
    busy = sum(bins[b][1] for b in range(s, e + 1))
    print(f'burst {s*BIN:7.2f}-{(e+1)*BIN:7.2f}s busy samples {busy}')
import pickle
pickle.dump((samples, bursts, BIN, t0), open(path + '.pkl', 'wb'))
