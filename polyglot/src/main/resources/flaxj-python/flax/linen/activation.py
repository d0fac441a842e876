"""flax.linen activations: the functions of jax.nn (not its submodules)."""

import types as _types

from jax import nn as _jnn
from jax.numpy import tanh  # noqa: F401

__all__ = ['tanh'] + [
    _k for _k, _v in vars(_jnn).items()
    if not _k.startswith('_') and callable(_v) and not isinstance(_v, (_types.ModuleType, type))]
globals().update({_k: getattr(_jnn, _k) for _k in __all__ if _k != 'tanh'})
