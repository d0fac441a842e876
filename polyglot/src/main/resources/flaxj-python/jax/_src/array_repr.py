"""numpy's text layout for arrays (what `repr(jax.Array)` and `str(jax.Array)` print): float32
values in their shortest round-tripping form, columns padded to a common width, rows wrapped at 75
characters, arrays of more than 1000 elements summarised with '...'."""

import math
import struct

LINE_WIDTH = 75
THRESHOLD = 1000
EDGE_ITEMS = 3
PRECISION = 8


def _to_f32(x):
    return struct.unpack('f', struct.pack('f', x))[0]


def _shortest_digits(x, dtype):
    """(digits, exponent) of the shortest decimal that reads back as x: x = 0.d1d2... * 10**exp."""
    if x == 0:
        return '0', 1
    limit = 9 if dtype == 'float32' else 17
    for p in range(1, limit + 1):
        s = '%.*e' % (p - 1, x)
        y = float(s)
        if (dtype == 'float32' and _to_f32(y) == x) or (dtype != 'float32' and y == x):
            break
    mantissa, _, exp = s.partition('e')
    digits = mantissa.lstrip('-').replace('.', '').rstrip('0') or '0'
    return digits, int(exp) + 1


def _positional(x, dtype, precision=PRECISION):
    """numpy's dragon4_positional(unique=True, trim='.'): e.g. '1.', '-0.25', '0.1'."""
    digits, exp = _shortest_digits(abs(x), dtype)
    sign = '-' if (x < 0 or (x == 0 and math.copysign(1, x) < 0)) else ''
    if exp > 0:
        int_part = (digits[:exp] + '0' * max(0, exp - len(digits)))
        frac = digits[exp:]
    else:
        int_part = '0'
        frac = '0' * (-exp) + digits
    if len(frac) > precision:
        q = round(abs(x), precision)
        s = '%.*f' % (precision, q)
        int_part, _, frac = s.partition('.')
        frac = frac.rstrip('0')
    return sign + int_part, frac


def _scientific(x, dtype, precision=PRECISION):
    """numpy's dragon4_scientific(unique=True, trim='.'): ('1', '5', '-05') for 1.5e-05."""
    digits, exp = _shortest_digits(abs(x), dtype)
    sign = '-' if (x < 0 or (x == 0 and math.copysign(1, x) < 0)) else ''
    if len(digits) - 1 > precision:
        s = '%.*e' % (precision, abs(x))
        m, _, e = s.partition('e')
        digits = m.replace('.', '').rstrip('0') or '0'
        exp = int(e) + 1
    e = exp - 1 if x != 0 else 0
    return sign + digits[0], digits[1:], '%s%02d' % ('-' if e < 0 else '+', abs(e))


class _FloatFormat:
    def __init__(self, values, dtype):
        self.dtype = dtype
        finite = [v for v in values if math.isfinite(v)]
        nonzero = [abs(v) for v in finite if v != 0]
        self.exp = False
        if nonzero:
            hi, lo = max(nonzero), min(nonzero)
            cutoff = 1e6 if dtype == 'float32' else 1e8
            if hi >= cutoff or lo < 0.0001 or hi / lo > 1000.:
                self.exp = True
        if not finite:
            self.pad_left = self.pad_right = 0
            self.precision = 0
        elif self.exp:
            parts = [_scientific(v, dtype) for v in finite]
            self.precision = max(len(p[1]) for p in parts)
            self.exp_size = max(len(p[2]) for p in parts) - 1
            self.pad_left = max(len(p[0]) for p in parts)
            self.pad_right = self.exp_size + 2 + self.precision
        else:
            parts = [_positional(v, dtype) for v in finite]
            self.pad_left = max(len(p[0]) for p in parts)
            self.pad_right = max(len(p[1]) for p in parts)
        if len(finite) != len(values):
            neginf = any(v == -math.inf for v in values)
            offset = self.pad_right + 1
            self.pad_left = max(self.pad_left, 3 - offset, 3 + neginf - offset)

    def __call__(self, v):
        if not math.isfinite(v):
            text = 'nan' if math.isnan(v) else ('inf' if v > 0 else '-inf')
            return ' ' * (self.pad_left + self.pad_right + 1 - len(text)) + text
        if self.exp:
            i, f, e = _scientific(v, self.dtype)
            f = f + '0' * (self.precision - len(f))
            e = e[0] + e[1:].rjust(self.exp_size, '0')
            return i.rjust(self.pad_left) + '.' + f + 'e' + e
        i, f = _positional(v, self.dtype)
        return i.rjust(self.pad_left) + '.' + f.ljust(self.pad_right)


def _int_format(values):
    width = max(len(str(v)) for v in values) if values else 0
    return lambda v: str(v).rjust(width)


def _bool_format(values, scalar):
    true = ' True' if not scalar and not all(values) else 'True'
    return lambda v: true if v else 'False'


def _format_function(values, dtype, scalar):
    if dtype == 'bool':
        return _bool_format(values, scalar)
    if dtype in ('int32', 'uint32', 'int64', 'uint64', 'int8', 'int16', 'uint8'):
        return _int_format(values)
    return _FloatFormat(values, dtype)


def _extend(s, line, word, width, next_prefix):
    if len(line) + len(word) > width and len(line) > len(next_prefix):
        s += line.rstrip() + '\n'
        line = next_prefix
    return s, line + word


def array2string(flat, shape, dtype, prefix='', separator=' ', line_width=LINE_WIDTH):
    """The layout numpy.array2string gives an array of `shape` with row-major elements `flat`."""
    size = len(flat)
    summarise = size > THRESHOLD
    strides = []
    acc = 1
    for d in reversed(shape):
        strides.insert(0, acc)
        acc *= d

    def shown(axis_len):
        if summarise and 2 * EDGE_ITEMS < axis_len:
            return list(range(EDGE_ITEMS)) + [None] + list(range(axis_len - EDGE_ITEMS, axis_len))
        return list(range(axis_len))

    def collect(axis, offset, out):
        if axis == len(shape):
            out.append(flat[offset])
            return
        for i in shown(shape[axis]):
            if i is not None:
                collect(axis + 1, offset + i * strides[axis], out)

    used = []
    collect(0, 0, used)
    fmt = _format_function(used, dtype, len(shape) == 0)
    if not shape:
        return fmt(flat[0])

    def recurse(axis, offset, hanging, width):
        left = len(shape) - axis
        next_hanging = hanging + ' '
        next_width = width - 1
        items = shown(shape[axis])
        if left == 1:
            elem_width = width - max(len(separator.rstrip()), 1)
            s, line = '', hanging
            for k, i in enumerate(items):
                last = k == len(items) - 1
                word = '...' if i is None else fmt(flat[offset + i * strides[axis]])
                s, line = _extend(s, line, word, elem_width, hanging)
                if not last:
                    line += separator
            s += line
        else:
            s = ''
            line_sep = separator.rstrip() + '\n' * (left - 1)
            for k, i in enumerate(items):
                last = k == len(items) - 1
                nested = '...' if i is None else recurse(
                    axis + 1, offset + i * strides[axis], next_hanging, next_width)
                s += hanging + nested + ('' if last else line_sep)
        return '[' + s[len(hanging):] + ']'

    return recurse(0, 0, ' ' + ' ' * len(prefix), line_width)


def array_repr(flat, shape, dtype, weak):
    dtype_str = 'dtype=%s, weak_type=True' % dtype if weak else 'dtype=%s' % dtype
    prefix = 'Array('
    if len(flat) == 0:
        s = '[], shape=%s' % (tuple(shape),)
    else:
        s = array2string(flat, shape, dtype, prefix=prefix, separator=', ',
                         line_width=LINE_WIDTH - 1)
    last_line_len = len(s) - s.rfind('\n') + 1
    sep = ' ' if last_line_len + len(dtype_str) + 2 <= LINE_WIDTH else ' ' * len(prefix)
    return '%s%s,%s%s)' % (prefix, s, sep, dtype_str)


def array_str(flat, shape, dtype):
    if len(flat) == 0:
        return '[]'
    if not shape and dtype.startswith('float'):
        return scalar_str(flat[0], dtype)
    return array2string(flat, shape, dtype)


_SCIENTIFIC_FROM = {'float16': 1e3, 'float64': 1e16}


def scalar_str(x, dtype):
    """numpy's str of a float scalar (and of a 0-d float array): the shortest round-tripping
    digits, positional ('1.0', '0.1') for 1e-4 <= |x| < 1e6 (1e16 for float64), else scientific
    ('1e-05', '1.2345679e+08')."""
    if not math.isfinite(x):
        return 'nan' if math.isnan(x) else ('inf' if x > 0 else '-inf')
    if x == 0 or 1e-4 <= abs(x) < _SCIENTIFIC_FROM.get(dtype, 1e6):
        whole, frac = _positional(x, dtype, precision=64)
        return whole + '.' + (frac or '0')
    whole, frac, exp = _scientific(x, dtype, precision=64)
    return whole + ('.' + frac if frac else '') + 'e' + exp
