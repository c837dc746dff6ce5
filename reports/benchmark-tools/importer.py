import csv, datetime, re
from beancount.core import data, amount
from beancount.core.number import D
from beancount.ingest import importer

RULES = [tuple(l.rstrip('\n').split('|')) for l in open('/tmp/tools/rules.txt')]

class Bank(importer.ImporterProtocol):
    def identify(self, file):
        return file.name.endswith('.csv')
    def file_account(self, file):
        return 'Assets:Bank:Checking'
    def extract(self, file, existing_entries=None):
        entries = []
        with open(file.name) as f:
            for i, row in enumerate(csv.DictReader(f)):
                date = datetime.datetime.strptime(row['Date'], '%m/%d/%Y').date()
                units = amount.Amount(D(row['Amount']), 'USD')
                other = 'Expenses:Uncategorized'
                for key, account in RULES:
                    if key in row['Description']:
                        other = account
                        break
                meta = data.new_metadata(file.name, i)
                entries.append(data.Transaction(meta, date, '*', None, row['Description'], data.EMPTY_SET, data.EMPTY_SET, [
                    data.Posting('Assets:Bank:Checking', units, None, None, None, None),
                    data.Posting(other, -units, None, None, None, None)]))
        return entries
