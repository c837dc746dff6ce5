# Builds /tmp/tools/bank_1m.csv (Date,Description,Amount; 1,000,000 rows) from
#   java -jar target/ai-bookkeeper.jar simulate --companies 300 --months 120 --no-pdf --out /tmp/tools/data
# and splits it into 8 files of 125k rows for bean-extract (which skips files over 8 MiB).
import csv, glob, os
rows = 0
with open('/tmp/tools/bank_1m.csv', 'w', newline='') as out:
    w = csv.writer(out)
    w.writerow(['Date', 'Description', 'Amount'])
    for d in sorted(glob.glob('/tmp/tools/data/simulated_csv/*')):
        prev = set()
        for f in sorted(glob.glob(d + '/*.csv')):
            lines = open(f).read().splitlines()[1:]
            i = 0
            while i < len(lines) and lines[i] in prev:  # overlap rows repeated from the previous month
                i += 1
            for l in lines[i:]:
                if rows >= 1000000:
                    break
                p = next(csv.reader([l]))
                w.writerow([p[0], p[1].replace('"', ''), p[2]])
                rows += 1
            prev = set(lines)
lines = open('/tmp/tools/bank_1m.csv').read().splitlines()
os.makedirs('/tmp/tools/bean/in', exist_ok=True)
for k in range(0, len(lines) - 1, 125000):
    open('/tmp/tools/bean/in/part%02d.csv' % (k // 125000), 'w').write('\n'.join([lines[0]] + lines[1 + k:1 + k + 125000]) + '\n')
print(rows)
