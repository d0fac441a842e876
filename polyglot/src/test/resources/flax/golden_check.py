"""Runs the examples of a recorded doctest page in order, in one namespace, and compares every
name each example binds with the value real Flax bound (the page's golden file): structure,
dtypes and shapes exactly, float values within 1e-5 (large arrays: their recorded head, min, max
and sum). `check(path)` returns the mismatches."""

import contextlib
import io
import json

import jax


def _compare(path, want, got, out):
  if 'key_data' in want:
    return _compare(path + '.key_data', want['key_data'], jax.random.key_data(got), out)
  if 'dtype' in want and 'shape' in want:
    if not hasattr(got, 'shape') or list(got.shape) != want['shape'] \
        or str(got.dtype) != want['dtype']:
      out.append(f'{path}: {getattr(got, "shape", type(got))} {getattr(got, "dtype", "")} '
                 f'!= {want["shape"]} {want["dtype"]}')
      return
    data = [float(v) for v in got.ravel().tolist()] if got.ndim else [float(got)]
    if 'data' not in want:  # a large array, recorded as a summary
      want_data = want['head']
      stats = [('min', min(data), want['min'], 1e-5), ('max', max(data), want['max'], 1e-5),
               ('sum', sum(data), want['sum'], 1e-4 * max(1.0, sum(abs(v) for v in data)))]
      for name, a, b, tol in stats:
        if abs(a - b) > tol + 1e-5 * abs(b):
          out.append(f'{path}.{name}: {a} != {b}')
          return
    else:
      want_data = want['data']
    for i, (a, b) in enumerate(zip(data, want_data)):
      if abs(a - b) > 1e-5 + 1e-5 * abs(b):
        out.append(f'{path}[{i}]: {a} != {b}')
        return
    return
  kind = want.get('type')
  if kind == 'dict':
    keys = sorted(k for k, _ in want['items'])
    if not isinstance(got, dict) or sorted(got) != keys:
      out.append(f'{path}: keys {sorted(got) if isinstance(got, dict) else type(got)} != {keys}')
      return
    for k, v in want['items']:
      _compare(f'{path}/{k}', v, got[k], out)
  elif kind in ('tuple', 'list'):
    for i, v in enumerate(want['items']):
      _compare(f'{path}[{i}]', v, got[i], out)
  elif kind == 'object':
    if want.get('kind') == 'object' and type(got).__name__ != want.get('class'):
      out.append(f'{path}: {type(got).__name__} != {want.get("class")}')
    elif want.get('kind') == 'class' and getattr(got, '__name__', None) != want.get('name'):
      out.append(f'{path}: {getattr(got, "__name__", got)} != {want.get("name")}')
  elif 'value' in want and got != want['value']:
    out.append(f'{path}: {got!r} != {want["value"]!r}')


def check(golden_path):
  with open(golden_path) as f:
    golden = json.load(f)
  namespace = {'__name__': '__doctest__'}
  out = []
  for e in golden['examples']:
    printed = io.StringIO()
    try:
      with contextlib.redirect_stdout(printed):
        exec(compile(e['source'], f"<example {e['index']}>", 'single'), namespace)
      raised = None
    except Exception as ex:  # compared with the recorded exception below
      raised = f'{type(ex).__name__}: {ex}'
    if (raised is None) != (e['exception'] is None):
      out.append(f"example {e['index']} (line {e['line']}): raised {raised}, "
                 f"recorded {e['exception']}")
    if printed.getvalue() != e['stdout']:
      out.append(f"example {e['index']}: printed {printed.getvalue()!r}, recorded {e['stdout']!r}")
    for name, want in e['bound'].items():
      _compare(f"example {e['index']}: {name}", want, namespace.get(name), out)
  return out
