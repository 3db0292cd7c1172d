# An assignment expression whose target is an attribute.
if (a.b := 1):
    pass
