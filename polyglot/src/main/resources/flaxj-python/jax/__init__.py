"""JAX on flaxj: the Python API of jax, thin over flaxj's Java core (dev.flaxj.transform and
below). Arrays are float32 by default (x64 off), one CPU device."""

__version__ = '0.10.2'

from jax._src.array import Array  # noqa: F401
from jax._src.api import (  # noqa: F401
    jit, vmap, grad, value_and_grad, jvp, vjp, linearize, jacfwd, jacrev, jacobian, hessian,
    checkpoint, remat, custom_jvp, custom_vjp, make_jaxpr, eval_shape, ShapeDtypeStruct,
    devices, local_devices, device_count, local_device_count, default_backend, device_put,
    block_until_ready, named_call, stop_gradient)
from jax._src.config import config  # noqa: F401
from jax import errors  # noqa: F401
from jax import tree_util  # noqa: F401
from jax import tree  # noqa: F401
from jax import numpy  # noqa: F401
from jax import random  # noqa: F401
from jax import lax  # noqa: F401
from jax import nn  # noqa: F401
from jax import ad_checkpoint  # noqa: F401
from jax._src import checkpoint_policies  # noqa: F401
from jax.tree_util import tree_map, tree_leaves, tree_structure, tree_flatten, tree_unflatten  # noqa: F401,E501

typeof = lambda x: numpy.asarray(x).aval  # noqa: E731
