"""jax.tree_util."""

from jax._src.tree_util import *  # noqa: F401,F403
from jax._src.tree_util import (  # noqa: F401
    PyTreeDef, Partial, DictKey, SequenceKey, GetAttrKey, FlattenedIndexKey, keystr)
