"""The flax package's access to the Java core: the FlaxBridge facade and tree conversions."""

from jax._src.bridge import java, to_java, from_java

FB = java.FlaxBridge


def filter_to_java(f):
  """A Flax collection filter (bool, str, sequence of str, DenyList) as the Java core takes it."""
  from flax.core.scope import DenyList
  if isinstance(f, DenyList):
    return FB.denyList(filter_to_java(f.deny))
  if isinstance(f, (bool, str)) or f is None:
    return f
  if isinstance(f, (list, tuple, set, frozenset)):
    return to_java([filter_to_java(x) for x in f])
  from flax import errors
  raise errors.InvalidFilterError(f)


def pairs_to_java(mapping):
  """{filter: value} as a Java list of (filter, value) tuples, in the user's order."""
  return to_java([(filter_to_java(k), v) for k, v in dict(mapping).items()])


__all__ = ['FB', 'to_java', 'from_java', 'filter_to_java', 'pairs_to_java']
