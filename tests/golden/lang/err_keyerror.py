# KeyError traceback shows the repr of the key; nested call carets.
config = {'host': 'localhost'}
def get(key):
    return config[key]
print(get('host'))
print(get('port'))
