"""flax.core.meta: axis metadata boxes (Partitioned) over the Java core's dev.flaxj.core.Partitioned.

A Python `Partitioned` is a pytree node (its value the only child), as in Flax. Variable trees
cross to Java with `boxes_to_java` (each box becomes the Java box the lifted transforms add axis
names to) and come back with `boxes_from_java`.
"""

from jax import tree_util

from jax._src import bridge
from flax._java import FB, to_java, from_java


class Partitioned:
  """A value with one logical axis name (or None) per axis."""

  def __init__(self, value, names, mesh=None):
    self.value = value
    self.names = tuple(names)
    self.mesh = mesh

  def unbox(self):
    return self.value

  def replace_boxed(self, value):
    return Partitioned(value, self.names, self.mesh)

  def replace(self, **updates):
    fields = dict(value=self.value, names=self.names, mesh=self.mesh)
    fields.update(updates)
    return Partitioned(**fields)

  def __repr__(self):
    return f'Partitioned(value={self.value!r}, names={self.names!r}, mesh={self.mesh!r})'


tree_util.register_pytree_node(
    Partitioned, lambda p: ((p.value,), (p.names, p.mesh)),
    lambda aux, children: Partitioned(children[0], aux[0], aux[1]))


def with_partitioning(fn, names, mesh=None):
  """An initialiser returning `Partitioned(fn(...), names)` (a Java initialiser for Java layers)."""
  if mesh is not None:
    raise NotImplementedError('flaxj: with_partitioning(mesh=...) is not supported (no devices)')
  from flax.linen._layers import java_initializer

  def wrapper(*args, **kwargs):
    return Partitioned(fn(*args, **kwargs), names)
  wrapper._java = FB.withPartitioning(java_initializer(fn, None), list(names))
  return wrapper


def unbox(tree):
  """Every box of `tree` replaced by its value."""
  return tree_util.tree_map(lambda x: x.unbox() if isinstance(x, Partitioned) else x, tree,
                            is_leaf=lambda x: isinstance(x, Partitioned))


def _walk(tree, fn):
  if isinstance(tree, dict):
    return {k: _walk(v, fn) for k, v in tree.items()}
  if isinstance(tree, list):
    return [_walk(v, fn) for v in tree]
  if isinstance(tree, tuple) and type(tree) is tuple:
    return tuple(_walk(v, fn) for v in tree)
  return fn(tree)


def boxes_to_java(tree):
  """`tree` (plain dicts) with each Partitioned as the Java box, the rest as Java trees."""
  def box(x):
    if isinstance(x, Partitioned):
      return FB.partitioned(to_java(x.value), list(x.names))
    return to_java(x)
  return to_java(_walk(tree, box))


def boxes_from_java(tree):
  """`tree` (from `from_java`) with each Java box as a Partitioned."""
  def unjava(x):
    if (x is not None and not isinstance(x, (int, float, str, bool, bridge.array_type))
        and FB.isPartitioned(x)):
      names = from_java(FB.partitionedNames(x))
      return Partitioned(from_java(FB.partitionedValue(x)), names)
    return x
  return _walk(tree, unjava)
