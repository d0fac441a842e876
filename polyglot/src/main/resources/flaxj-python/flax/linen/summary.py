"""Module.tabulate: Flax's summary table (one row per module call) in the format Flax prints
with rich (a terminal table 80 columns wide with ANSI styles); flaxj draws it itself."""

from flax.core.scope import DenyList
from flax.linen import table_text

_DEFAULT = DenyList('intermediates')


def tabulate(module, rngs, depth=None, show_repeated=False, mutable=_DEFAULT,
             console_kwargs=None, table_kwargs={}, column_kwargs={}, compute_flops=False,
             compute_vjp_flops=False, **kwargs):
  """`nn.tabulate`: a function of the call's arguments returning the summary table."""
  def table(*args, **call_kwargs):
    return module_table(module, rngs, *args, depth=depth, show_repeated=show_repeated,
                        mutable=mutable, console_kwargs=console_kwargs,
                        table_kwargs=table_kwargs, column_kwargs=column_kwargs,
                        compute_flops=compute_flops, compute_vjp_flops=compute_vjp_flops,
                        **kwargs, **call_kwargs)
  return table


def module_table(module, rngs, *args, depth=None, show_repeated=False, mutable=_DEFAULT,
                 console_kwargs=None, table_kwargs={}, column_kwargs={}, compute_flops=False,
                 compute_vjp_flops=False, **kwargs):
  """The summary table of `module` called on `args` as a string (see flax.linen.Module.tabulate);
  `console_kwargs` are ignored (the table is drawn for an 80-column terminal)."""
  unsupported = [name for name, given in (
      ('depth', depth is not None), ('show_repeated', show_repeated),
      ('table_kwargs', bool(table_kwargs)), ('column_kwargs', bool(column_kwargs)),
      ('compute_flops', compute_flops), ('compute_vjp_flops', compute_vjp_flops)) if given]
  if unsupported:
    raise NotImplementedError(f'flaxj: Module.tabulate({", ".join(unsupported)}=...) is not '
                              'supported; only the default table is drawn')
  rows, variables = _calls(module, rngs, args, kwargs, mutable)
  collections = [c for c in variables if any(_own_variables(r[0], c, variables, rows) for r in rows)]
  header = ['path', 'module', 'inputs', 'outputs'] + collections
  body = []
  totals = {c: (0, 0) for c in collections}
  for path, name, method, inputs, outputs in rows:
    cells = ['/'.join(path),
             name + (f' [dim]({method})[/dim]' if method not in ('__call__', '<lambda>') else ''),
             _yaml(_rendered(inputs)), _yaml(_rendered(outputs))]
    for c in collections:
      own = _own_variables(path, c, variables, rows)
      size = _size_and_bytes(own)
      totals[c] = (totals[c][0] + size[0], totals[c][1] + size[1])
      text = _yaml(_rendered(_sorted(own)))
      if text:
        text += '\n\n'
      cells.append(text + f'[bold]{_size_and_bytes_repr(*size)}[/bold]')
    body.append(cells)
  footer = ['', '', '', 'Total'] + [_size_and_bytes_repr(*totals[c]) for c in collections]
  grand = (sum(t[0] for t in totals.values()), sum(t[1] for t in totals.values()))
  return '\n' + table_text.render(
      title=f'{type(module).__name__} Summary', header=header, rows=body, footer=footer,
      right_footer=3, caption=f'\nTotal Parameters: {_size_and_bytes_repr(*grand)}') + '\n'


def _calls(module, rngs, args, kwargs, mutable):
  """(path, class name, method, inputs, outputs) of every module method call of an init, in the
  order the calls began; and the variables init created."""
  from flax.linen.module import intercept_methods
  rows = []

  def record(next_fun, call_args, call_kwargs, context):
    if context.method_name == 'setup' or (context.method_name.startswith('_')
                                          and context.method_name != '__call__'):
      return next_fun(*call_args, **call_kwargs)
    index = len(rows)
    rows.append(None)
    out = next_fun(*call_args, **call_kwargs)
    rows[index] = (tuple(context.module.path), type(context.module).__name__,
                   context.method_name, _inputs(call_args, call_kwargs), out)
    return out

  with intercept_methods(record):
    _, variables = module.init_with_output(rngs, *args, mutable=mutable, **kwargs)
  return [r for r in rows if r is not None], variables


def _inputs(args, kwargs):
  if args and kwargs:
    return (*args, kwargs)
  if args:
    return args[0] if len(args) == 1 else args
  return kwargs if kwargs else ()


def _own_variables(path, collection, variables, rows):
  """The variables of `collection` at `path` that belong to no other row's module."""
  tree = variables.get(collection, {})
  for name in path:
    if not isinstance(tree, dict) or name not in tree:
      return {}
    tree = tree[name]
  if not isinstance(tree, dict):
    return tree
  children = {r[0][len(path)] for r in rows if len(r[0]) > len(path) and r[0][:len(path)] == path}
  return {k: v for k, v in tree.items() if k not in children}


def _sorted(tree):
  if isinstance(tree, dict):
    return {k: _sorted(tree[k]) for k in sorted(tree)}
  return tree


def _leaves(tree):
  import jax
  return jax.tree_util.tree_leaves(tree)


def _size_and_bytes(tree):
  leaves = [x for x in _leaves(tree) if hasattr(x, 'size')]
  return (sum(int(x.size) for x in leaves),
          sum(int(x.size) * x.dtype.itemsize for x in leaves))


def _bytes_repr(num_bytes):
  for scale, unit in ((1e9, 'GB'), (1e6, 'MB'), (1e3, 'KB')):
    if num_bytes > scale:
      return f'{num_bytes / scale:,.1f} {unit}'
  return f'{num_bytes:,} B'


def _size_and_bytes_repr(size, num_bytes):
  if not size:
    return ''
  return f'{size:,} [dim]({_bytes_repr(num_bytes)})[/dim]'


class _Rendered(str):
  """A leaf already rendered (an array as `[dim]float32[/dim][2,3]`)."""


def _rendered(tree):
  from flax.core.meta import Partitioned
  if isinstance(tree, Partitioned):
    return _Rendered(_array(tree.value) + f' [dim]P[/dim]{tree.names}')
  if isinstance(tree, dict):
    return {str(k): _rendered(v) for k, v in tree.items()}
  if isinstance(tree, (list, tuple)):
    return tuple(_rendered(v) for v in tree)
  if hasattr(tree, 'shape') and hasattr(tree, 'dtype'):
    return _Rendered(_array(tree))
  return _Rendered(repr(tree))


def _array(x):
  return f'[dim]{x.dtype}[/dim][{",".join(str(d) for d in x.shape)}]'


def _yaml(tree):
  """The block-style YAML Flax prints (PyYAML's safe_dump, quotes removed)."""
  if tree is None or (hasattr(tree, '__len__') and not isinstance(tree, str) and len(tree) == 0):
    return ''
  return '\n'.join(_yaml_lines(tree, 0))


def _yaml_lines(tree, indent):
  pad = ' ' * indent
  if isinstance(tree, dict):
    lines = []
    for k, v in tree.items():
      if isinstance(v, dict) and v:
        lines.append(f'{pad}{k}:')
        lines.extend(_yaml_lines(v, indent + 2))
      elif isinstance(v, tuple) and v:
        lines.append(f'{pad}{k}:')
        lines.extend(_yaml_lines(v, indent))
      else:
        lines.append(f'{pad}{k}: {_scalar(v)}')
    return lines
  if isinstance(tree, tuple):
    lines = []
    for v in tree:
      if isinstance(v, (dict, tuple)) and v:
        inner = _yaml_lines(v, indent + 2)
        lines.append(f'{pad}- {inner[0].lstrip()}')
        lines.extend(inner[1:])
      else:
        lines.append(f'{pad}- {_scalar(v)}')
    return lines
  return [pad + _scalar(tree)]


def _scalar(v):
  if isinstance(v, dict):
    return '{}'
  if isinstance(v, tuple):
    return '[]'
  return str(v)
