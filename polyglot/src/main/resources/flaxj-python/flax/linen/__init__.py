"""flax.linen on flaxj."""

from flax.linen.activation import *  # noqa: F401,F403
from flax.linen import initializers
from flax.linen.module import (Module, Variable, compact, nowrap, apply, init, init_with_output,
                               intercept_methods, InterceptorContext)
from flax.linen.linear import Dense, DenseGeneral, Embed
from flax.linen.normalization import LayerNorm
from flax.linen.stochastic import Dropout
from flax.linen.recurrent import RNNCellBase, LSTMCell, GRUCell, SimpleCell, RNN, Bidirectional
from flax.linen.combinators import Sequential
from flax.linen.transforms import (vmap, scan, checkpoint, remat, jit, remat_scan,
                                   map_variables, while_loop, cond, switch, jvp, vjp,
                                   value_and_grad, grad, custom_vjp)
from flax.core import broadcast, DenyList, FrozenDict
from flax.core.meta import Partitioned, with_partitioning, unbox
from flax.linen.summary import tabulate

# flax.linen.module's globals hold `nn` in real Flax (its doctests use it).
from flax.linen import module as _module  # noqa: E402
import sys as _sys  # noqa: E402
_module.nn = _sys.modules[__name__]
