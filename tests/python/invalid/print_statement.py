# A Python 2 print statement: rejected on line 3.
import sys
print "hello", sys.argv
