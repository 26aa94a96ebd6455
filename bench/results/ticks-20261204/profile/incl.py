import sys,re,collections
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
markers=[('fanout','GatewayFanout'),('roomgrain tick/accept','OrleansGame.Grains]'),('mode(arena)','[OrleansGame.Arena]'),('rooms hosting','[OrleansGame.Rooms]'),
 ('inbound svc','InboundService'),('outbox','RoomOutbox'),('gateway any','[OrleansGame.Gateway]'),('cancellable','[OrleansGame.Cancellable]'),
 ('orleans any',re.compile(r'\[Orleans(\.[A-Za-z.]+)?\]')),('signalr dispatch','DispatchMessagesAsync'),('hub invoke','DefaultHubDispatcher'),('signalr any','SignalR'),
 ('ws send','StartSending'),('ws receive','StartReceiving'),('kestrel DoSend','DoSend'),('kestrel DoReceive','DoReceive'),('socket engine','SocketAsyncEngine'),
 ('timer','TimerQueue'),('gc','gc_heap'),('threadpool dispatch','ThreadPoolWorkQueue::Dispatch'),('OTel','OpenTelemetry'),('channels','System.Threading.Channels'),('Json','System.Text.Json')]
c=collections.Counter(); total=0
for s in samples:
    st=''.join(s[1:]); total+=1
    for name,m in markers:
        hit = m.search(st) if hasattr(m,'search') else (m in st)
        if hit: c[name]+=1
print('total',total)
for name,_ in markers: print(f'{c[name]:6d} {100*c[name]/total:6.2f}% {name}')
