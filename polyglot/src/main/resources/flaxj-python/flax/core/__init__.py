"""flax.core: the functional core (Scope, init/apply, lift, FrozenDict, filters) over the Java core."""

from flax.core.axes_scan import broadcast
from flax.core.frozen_dict import FrozenDict, freeze, unfreeze, copy, pop, pretty_repr
from flax.core.scope import DenyList, Scope, Variable, init, apply
from flax.core import lift

__all__ = ['broadcast', 'FrozenDict', 'freeze', 'unfreeze', 'copy', 'pop', 'pretty_repr',
           'DenyList', 'Scope', 'Variable', 'init', 'apply', 'lift', 'nn']


def __getattr__(name):
  if name == 'nn':
    import importlib
    return importlib.import_module('flax.core.nn')
  raise AttributeError(f"module 'flax.core' has no attribute '{name}'")
