# CRLF line ends
x = 3
if x:
    print("crlf", x)
y = (1 +
     2)
print(y, """a
b""" == "a\nb")
