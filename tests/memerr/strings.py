# memerr: str and bytes building, formatting, splitting, encoding
s = "-".join(str(i) for i in range(30))
parts = s.split("-")
u = "héllo wörld €" * 3
b = u.encode("utf-8")
print(len(parts), s[:20].upper(), u.title()[:12], b[:8], b.decode()[-3:])
print(f"{3.25:>10.3f}|{'x':^5}|{255:#x}|{u!r:.10}", "%s=%d %r" % ("k", 7, [1]))
print("a,b,,c".split(","), " pad ".strip(), "abc".replace("b", "BB") + "!", repr("\n\t'"))
print(bytearray(b"xyz") * 2, b"%d bytes" % 5, "".join(reversed("stressed")))
