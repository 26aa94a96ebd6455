import time, sys
# a fixed piece of work every 100 ms; prints, every 10 s, its mean thread CPU time in microseconds (lower = faster CPU)
def work():
    s = 0
    for i in range(20000):
        s += i * i % 7
    return s
end = time.time() + float(sys.argv[1])
acc = []; t_last = time.time()
while time.time() < end:
    c0 = time.thread_time_ns(); work(); c1 = time.thread_time_ns()
    acc.append((c1 - c0) / 1000)
    if time.time() - t_last >= 10:
        acc.sort()
        print(time.strftime("%H:%M:%S"), "probe_us median %.0f min %.0f n %d" % (acc[len(acc)//2], acc[0], len(acc)), flush=True)
        acc = []; t_last = time.time()
    time.sleep(0.1)
