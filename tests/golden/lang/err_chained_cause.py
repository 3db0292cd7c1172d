# raise ... from ...: "The above exception was the direct cause of the following exception".
class ConfigError(Exception):
    pass
def read(cfg):
    try:
        return cfg['port'] + 1
    except TypeError as exc:
        raise ConfigError('bad port') from exc
read({'port': 'x'})
