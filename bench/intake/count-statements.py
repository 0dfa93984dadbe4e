"""
Counts the statements one bench database ran, by path (notification compose/store, mail send, other),
from the PostgreSQL server log. Run the bench with BENCH_LOG_STATEMENTS=1 (and a small load:
BENCH_RATE=50 BENCH_SECONDS=2 BENCH_CONNECTIONS=1), then:
  python3 bench/intake/count-statements.py bench_<run id> [/var/log/postgresql/postgresql-15-main.log]
The server's log_line_prefix must hold %p and %d ('%m [%p] %q%u@%d ' here). A transaction's
BEGIN/COMMIT count in the path of its first statement.
"""
import re, sys
from collections import Counter

db = sys.argv[1]
log = sys.argv[2] if len(sys.argv) > 2 else '/var/log/postgresql/postgresql-15-main.log'
head = re.compile(r'^\d{4}-\d\d-\d\d [\d:.]+ UTC \[(\d+)\] \S+@(\S+) LOG:  (?:statement|execute [^:]*): (.*)$')

def group(sql):
    s = ' '.join(sql.split())
    if s.startswith('UPDATE mail_message') and "SET status = 'sending'" in s: return 'mail: claim'
    if 'mail_suppression' in s and s.startswith('SELECT'): return 'mail: suppression'
    if 'FROM mail_preference' in s: return 'mail: preference'
    if s.startswith('UPDATE mail_message'): return 'mail: finish'
    if 'INSERT INTO mail_message' in s or 'FROM mail_message WHERE dedupe_key' in s: return 'notify: store'
    if 'INSERT INTO notification_receipt' in s: return 'notify: receipt'
    if s.startswith('SELECT id, email, name') and 'FROM app_user' in s: return 'notify: recipient'
    if s.startswith('SELECT t.id, t.title, t.description'): return 'notify: facts'
    return None

counts = Counter()
open_tx = {}  # pid -> group of its transaction's first statement (None until known)
stamp = re.compile(r'^\d{4}-\d\d-\d\d [\d:.]+ UTC \[')

def done(pid, sql):
    word = sql.strip().upper()
    if word in ('BEGIN', 'START TRANSACTION'):
        open_tx[pid] = None; return
    if word in ('COMMIT', 'ROLLBACK'):
        g = open_tx.pop(pid, None) or 'other'
        counts[g.split(':')[0] + ': BEGIN/COMMIT'] += 2; return
    g = group(sql)
    if pid in open_tx and open_tx[pid] is None: open_tx[pid] = g
    counts[g or 'other'] += 1

current = None  # (pid, sql) of the statement being read
with open(log, errors='replace') as f:
    for line in f:
        if stamp.match(line):
            if current: done(*current)
            current = None
            m = head.match(line.rstrip('\n'))
            if m and m.group(2) == db: current = (m.group(1), m.group(3))
        elif current:
            current = (current[0], current[1] + ' ' + line.strip())
if current: done(*current)
total = sum(counts.values())
for k in sorted(counts): print(f'{k:28s} {counts[k]:8d}')
print(f'{"total":28s} {total:8d}')
