import sys, pickle, collections, re
samples, bursts, BIN, t0 = pickle.load(open(sys.argv[1], 'rb'))
wins = [tuple(map(float, w.split(':'))) for w in sys.argv[2].split(',')]
cats = [
  ('join path', re.compile(r'JoinRoom|QuickJoin|Matchmak|Partition|Seat|Admit|Roster')),
  ('tick/snapshot build', re.compile(r'Tick|Snapshot|Broadcast|Outbox|Publish|Push')),
  ('socket send', re.compile(r'StartSending|DoSend|SendFrame|sendmsg')),
  ('socket receive', re.compile(r'DoReceive|StartReceiving|recvmsg|recvfrom')),
  ('hub dispatch', re.compile(r'HubConnectionHandler|DispatchMessage|HubDispatcher')),
  ('orleans', re.compile(r'Orleans')),
  ('gc', re.compile(r'gc_heap|GCHeap|WKS::|SVR::')),
  ('jit', re.compile(r'clrjit|jitNative')),
]
tot = collections.Counter(); fn = collections.Counter()
for t, comm, fr in samples:
    rel = t - t0
    if not any(a <= rel < b for a, b in wins): continue
    if comm == 'swapper': tot['idle'] += 1; continue
    s = '\n'.join(fr)
    for name, rx in cats:
        if rx.search(s): tot[name] += 1; break
    else: tot['other:' + comm] += 1
    if fr: fn[fr[0][:150]] += 1
n = sum(tot.values())
for k, v in tot.most_common(20): print(f'{k:40s} {v:6d} {100*v/n:5.1f}%')
print()
for k, v in fn.most_common(40): print(f'{v:5d} {k}')
