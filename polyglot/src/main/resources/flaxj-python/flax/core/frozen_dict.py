"""flax.core.frozen_dict: an immutable, hashable dict (a pytree) and freeze/unfreeze."""

import collections.abc


class FrozenDict(collections.abc.Mapping):
  """An immutable variant of the Python dict."""
  __slots__ = ('_dict', '_hash')

  def __init__(self, *args, __unsafe_skip_copy__=False, **kwargs):
    xs = dict(*args, **kwargs)
    self._dict = xs if __unsafe_skip_copy__ else _prepare_freeze(xs)
    self._hash = None

  def __getitem__(self, key):
    v = self._dict[key]
    return FrozenDict(v) if isinstance(v, dict) else v

  def __setitem__(self, key, value):
    raise ValueError('FrozenDict is immutable.')

  def __contains__(self, key):
    return key in self._dict

  def __iter__(self):
    return iter(self._dict)

  def __len__(self):
    return len(self._dict)

  def __repr__(self):
    return self.pretty_repr()

  def __reduce__(self):
    return FrozenDict, (self.unfreeze(),)

  def pretty_repr(self, num_spaces=4):
    return pretty_repr(self, num_spaces)

  def __hash__(self):
    if self._hash is None:
      h = 0
      for key, value in self.items():
        h ^= hash((key, value))
      self._hash = h
    return self._hash

  def __eq__(self, other):
    if isinstance(other, FrozenDict):
      return self._dict == other._dict
    return NotImplemented

  def copy(self, add_or_replace=None):
    return type(self)({**self, **(unfreeze(add_or_replace) if add_or_replace else {})})

  def keys(self):
    return collections.abc.KeysView(self)

  def values(self):
    return collections.abc.ValuesView(self)

  def items(self):
    for key in self._dict:
      yield (key, self[key])

  def pop(self, key):
    value = self[key]
    new = dict(self._dict)
    new.pop(key)
    return type(self)(new), value

  def unfreeze(self):
    return unfreeze(self)

  def tree_flatten_with_keys(self):
    sorted_keys = sorted(self._dict)
    return tuple((k, self._dict[k]) for k in sorted_keys), tuple(sorted_keys)


def _prepare_freeze(xs):
  if isinstance(xs, FrozenDict):
    return xs._dict
  if not isinstance(xs, dict):
    return xs
  return {key: _prepare_freeze(val) for key, val in xs.items()}


def freeze(xs):
  """Freezes a nested dict into a FrozenDict."""
  return FrozenDict(xs)


def unfreeze(x):
  """A nested dict copy of a FrozenDict (or of a dict containing FrozenDicts)."""
  if isinstance(x, FrozenDict):
    return {k: unfreeze(v) for k, v in x._dict.items()}
  if isinstance(x, dict):
    return {k: unfreeze(v) for k, v in x.items()}
  return x


def copy(x, add_or_replace=FrozenDict({})):
  if isinstance(x, FrozenDict):
    return x.copy(add_or_replace)
  if isinstance(x, dict):
    new = unfreeze(x)
    new.update(unfreeze(add_or_replace))
    return new
  raise TypeError(f'Expected FrozenDict or dict, got {type(x)}')


def pop(x, key):
  if isinstance(x, FrozenDict):
    return x.pop(key)
  if isinstance(x, dict):
    new = dict(x)
    value = new.pop(key)
    return new, value
  raise TypeError(f'Expected FrozenDict or dict, got {type(x)}')


def _indent(text, num_spaces):
  """Indents every line of `text` (which ends with a newline) by `num_spaces`."""
  lines = text.split('\n')
  return '\n'.join(' ' * num_spaces + line for line in lines[:-1]) + '\n'


def pretty_repr(x, num_spaces=4):
  """An indented representation of nested dicts, as FrozenDict prints itself."""
  def pretty_dict(v):
    if isinstance(v, FrozenDict):
      v = v._dict
    if not isinstance(v, dict):
      return repr(v)
    rep = ''.join(f'{key}: {pretty_dict(val)},\n' for key, val in v.items())
    return '{\n' + _indent(rep, num_spaces) + '}' if rep else '{}'

  if isinstance(x, FrozenDict):
    return f'FrozenDict({pretty_dict(x._dict)})'
  return pretty_dict(x)


def _register():
  try:
    from jax import tree_util
  except ImportError:
    return
  tree_util.register_pytree_node(
      FrozenDict,
      lambda fd: (tuple(fd._dict[k] for k in sorted(fd._dict)), tuple(sorted(fd._dict))),
      lambda keys, values: FrozenDict(dict(zip(keys, values)), __unsafe_skip_copy__=True))


_register()
