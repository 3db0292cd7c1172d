# A character that cannot appear in Python source.
price = 10 €
