# Summarises a JFR recording's CPU samples by thread, by component (the first non-JDK frame from the top) and by
# our class on the stack:  jfr print --json --events jdk.ExecutionSample rec.jfr > samples.json; python3 jfr-summary.py samples.json ["thread name prefix"]
import json, re, collections, sys
d=json.load(open(sys.argv[1]))
ev=d['recording']['events']
def frames(e): return [f['method']['type']['name'].replace('/','.') for f in e['values']['stackTrace']['frames']]
def thread(e):
    t=e['values']['sampledThread']
    n=(t.get('javaName') or t.get('osName') or '?')
    n=re.sub(r'\(\d+/\d+\)#\d+','',n); n=re.sub(r'\d+','N',n)
    return n[:70]
cats=[('RocksDB (keyed state)','org.rocksdb'),('Kafka (clients and in-process broker)','org.apache.kafka'),('Kafka (clients and in-process broker)','kafka.'),
('Postgres JDBC driver','org.postgresql'),('Flink JDBC connector','org.apache.flink.connector.jdbc'),('Flink Kafka connector','org.apache.flink.connector.kafka'),
('Jackson JSON','com.fasterxml.jackson'),('Flink type serializers','org.apache.flink.api'),('Flink runtime (network, checkpoints, metrics)','org.apache.flink.runtime'),
('Flink runtime (network, checkpoints, metrics)','org.apache.flink.metrics'),('Flink streaming operators','org.apache.flink.streaming'),
('our position logic (functions)','com.globeco.trading.positions'),('our operators','com.globeco.trading.operators'),('simulators and generators (testkit)','com.globeco.trading.testkit'),('our code (other)','com.globeco'),
('JDK HTTP client/server','jdk.internal.net.http'),('JDK HTTP client/server','sun.net.httpserver'),('OpenTelemetry','io.opentelemetry'),('Prometheus reporter','io.prometheus'),
('JDK BigDecimal','java.math'),('JDK time','java.time'),('JDK regex','java.util.regex'),('JDK reflection','jdk.internal.reflect'),('JDK reflection','java.lang.reflect'),('JDK I/O','sun.nio'),('JDK I/O','java.nio'),('JDK I/O','java.io'),('JDK collections/lang','java.'),('JDK other','jdk.'),('JDK other','sun.'),('Scala (broker)','scala.'),('log4j','org.apache.logging')]
JDK=('java.','jdk.','sun.')
def top(e):
    names=frames(e)
    for name in names:
        if name.startswith(JDK): continue
        for c,p in cats:
            if name.startswith(p): return c
        return 'other: '+'.'.join(name.split('.')[:3])
    return 'JDK only (threads of the JDK itself)'
def ours(e):
    for name in frames(e):
        if name.startswith('com.globeco'): return name.split('.')[-1].split('$')[0]
    return '(no class of ours on the stack)'
n=len(ev)
for title,fn,k in [("thread",thread,14),("top frame",top,20),("our class on the stack",ours,14)]:
    print(f"\nby {title} ({n} samples):")
    for key,v in collections.Counter(fn(e) for e in ev).most_common(k): print(f"{100*v/n:5.1f}%  {key}")
def leaf(e):
    f=e['values']['stackTrace']['frames'][0]['method']
    return f['type']['name'].replace('/','.').split('.')[-1]+'.'+f['name']
only=sys.argv[2] if len(sys.argv)>2 else None
picked=[e for e in ev if only is None or thread(e).startswith(only)]
print(f"\nby method on top of the stack{' in threads '+only+'*' if only else ''} ({len(picked)} samples):")
for key,v in collections.Counter(leaf(e) for e in picked).most_common(25): print(f"{100*v/len(picked):5.1f}%  {key}")
if only:
    print(f"\nby our class on the stack in threads {only}*:")
    for key,v in collections.Counter(ours(e) for e in picked).most_common(14): print(f"{100*v/len(picked):5.1f}%  {key}")
    print(f"\nby top frame component in threads {only}*:")
    for key,v in collections.Counter(top(e) for e in picked).most_common(14): print(f"{100*v/len(picked):5.1f}%  {key}")
