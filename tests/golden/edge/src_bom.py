# a UTF-8 BOM at the start of a file is skipped
print("bom ok")
