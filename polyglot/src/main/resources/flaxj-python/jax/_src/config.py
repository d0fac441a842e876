"""jax.config: the flags flaxj honours (others are accepted and remembered)."""

_HONOURED = {
    'jax_threefry_partitionable': True,
    'jax_enable_x64': False,
    'jax_platforms': 'cpu',
    'jax_platform_name': 'cpu',
}


class Config:
    def __init__(self):
        self._values = dict(_HONOURED)

    def update(self, name, value):
        if name == 'jax_enable_x64' and value:
            raise NotImplementedError('flaxj: jax_enable_x64 is not supported (float32 only)')
        if name == 'jax_threefry_partitionable' and not value:
            raise NotImplementedError('flaxj implements jax_threefry_partitionable=True only')
        self._values[name] = value

    def read(self, name):
        return self._values.get(name)

    def __getattr__(self, name):
        if name.startswith('jax_'):
            return self._values.get(name)
        raise AttributeError(name)


config = Config()
