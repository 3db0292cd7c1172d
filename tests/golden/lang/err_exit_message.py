# sys.exit with a string: message on stderr, exit status 1.
import sys
def main():
    print('working')
    sys.exit('fatal: giving up')
if __name__ == '__main__':
    main()
