# A trailing comma in an unparenthesized from-import.
from os import path, sep,
