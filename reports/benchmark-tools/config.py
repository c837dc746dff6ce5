import sys
sys.path.insert(0, '/tmp/tools/bean')
from importer import Bank
CONFIG = [Bank()]
