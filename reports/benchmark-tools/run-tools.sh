#!/bin/bash
cd /tmp/tools
echo "### ledger convert 1M"
/usr/bin/time -v ledger -f accounts.ledger convert bank_1m.csv --invert --account Assets:Bank:Checking --input-date-format '%m/%d/%Y' > ledger_out.dat 2> time_ledger.txt; echo rc=$?; grep -c '^20' ledger_out.dat; grep -E "Elapsed|Maximum resident|User time|System time" time_ledger.txt
echo "### bean-extract 8 files of 125k rows (each < 8 MiB)"
/usr/bin/time -v bean-extract bean/config.py bean/in > bean_out.beancount 2> time_bean.txt; echo rc=$?; grep -c '^20.. *\*\|^20[0-9-]* \*' bean_out.beancount; grep -E "Elapsed|Maximum resident|User time|System time" time_bean.txt
echo "### hledger 100k subset"
head -100001 bank_1m.csv > bank_100k.csv; cp bank_1m.csv.rules bank_100k.csv.rules
/usr/bin/time -v hledger -f bank_100k.csv print > hledger_out.journal 2> time_hledger.txt; echo rc=$?; grep -c '^20' hledger_out.journal; grep -E "Elapsed|Maximum resident|User time|System time" time_hledger.txt
echo ALL_DONE
