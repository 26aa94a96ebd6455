#!/bin/bash
# scrape.sh OUT : every 10 s, the gateway's runtime figures from /metrics on its operations port
out=$1; : > $out
while true; do
  pid=$(for p in $(pgrep -f 'OrleansGame.Gateway.dll'); do tr '\0' ' ' < /proc/$p/cmdline | grep -q LoadTest || echo $p; done | head -1)
  if [ -n "$pid" ]; then
    for port in $(ss -ltnp 2>/dev/null | grep "pid=$pid," | grep -o '127.0.0.1:[0-9]*' | cut -d: -f2); do
      m=$(curl -s -m 3 http://127.0.0.1:$port/metrics) || continue
      if echo "$m" | grep -q dotnet_gc; then
        echo "== $(date +%s.%N) port $port" >> $out
        echo "$m" | grep -E '^(dotnet_gc_collections_total|dotnet_gc_pause_time_seconds_total|dotnet_gc_heap_total_allocated_bytes_total|dotnet_process_cpu_time_seconds_total|dotnet_thread_pool_work_item_count_total|dotnet_monitor_lock_contentions_total|dotnet_thread_pool_thread_count|dotnet_timer_count|dotnet_jit_compiled_methods_total|dotnet_gc_last_collection_heap_size)' >> $out
      fi
    done
  fi
  sleep 10
done
