# no newline at the end of the file, inside an indented block
for i in range(2):
    print("line", i)