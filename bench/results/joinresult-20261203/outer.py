import sys, pickle, collections, re
samples, bursts, BIN, t0 = pickle.load(open(sys.argv[1], 'rb'))
wins = [tuple(map(float, w.split(':'))) for w in sys.argv[2].split(',')]
inc = collections.Counter(); n = 0
for t, comm, fr in samples:
    rel = t - t0
    if not any(a <= rel < b for a, b in wins) or comm == 'swapper': continue
    n += 1
    key = None
    for f in reversed(fr):  # root first
        m = re.search(r'\[(OrleansGame[\w.]*)\] ([^\(]*)', f)
        if m: key = m.group(2)[:110]; break
    if key is None:
        # outermost non-threadpool frame
        for f in reversed(fr):
            m = re.search(r'\] ([^\(]*)', f)
            if m and not re.search(r'ThreadPool|ExecutionContext|Thread::|WorkItemGroup|ActivationData|TaskScheduler|Task::|AsyncTaskMethodBuilder|AsyncStateMachineBox|Timer', m.group(1)):
                key = '~' + m.group(1)[:100]; break
    inc[key or comm] += 1
print(n)
for k, v in inc.most_common(45): print(f'{v:5d} {100*v/n:5.1f}% {k}')
