# Text files opened with an ascii or latin-1 encoding argument write and read through
# those codecs (with errors=), keep universal newlines, and report the name as given;
# readline(limit) counts characters, not bytes.
import os
name = "pyheap_files_encoding.txt"
with open(name, "wb") as f:
    f.write(b"caf\xe9\r\nna\xefve\rend\xff\n")
with open(name, encoding="latin-1") as f:
    print(f, f.encoding, f.read(4), repr(f.readline()), list(f))
with open(name, encoding="latin-1") as f:
    print(f.readlines())
with open(name, encoding="ascii", errors="replace") as f:
    print(repr(f.read()))
with open(name, encoding="ascii", errors="ignore") as f:
    print(repr(f.read()))
for enc in ["ascii", "utf-8"]:
    try:
        with open(name, encoding=enc) as f:
            print(repr(f.read()))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
with open(name, "w", encoding="latin-1") as f:
    print("naïve", 3, file=f)
    f.writelines(["é\n", "ü"])
with open(name, "rb") as f:
    print(f.read())
with open(name, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve €\n")
with open(name, "rb") as f:
    print(f.read())
with open(name, "w", encoding="latin-1") as f:
    try:
        f.write("euro €")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
with open(name, "a", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("é")
with open(name, "rb") as f:
    print(f.read())
os.remove(name)
with open("pyheap_files_encoding2.txt", "w") as f:
    f.write("ééé\nx😀yz\nabc")
f = open("pyheap_files_encoding2.txt")
print([f.readline(n) for n in (2, 1, 5, 0, 1, 2, 10, 3, 3, 1)])
f.close()
with open("pyheap_files_encoding2.txt", encoding="latin-1") as f:
    print([f.readline(2) for _ in range(4)])
with open("pyheap_files_encoding2.txt") as f:
    print(f.readline(-1), f.readline(100))
import os
os.remove("pyheap_files_encoding2.txt")
