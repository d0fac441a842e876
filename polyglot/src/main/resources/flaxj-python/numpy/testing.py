"""numpy.testing's assertions over jax arrays, nested lists and Python numbers, compared on
their concrete values (AssertionError on a mismatch, with numpy's message header)."""

import math


def _flat(x):
    """(shape, flat list of Python numbers) of an array-like."""
    import jax.numpy as jnp
    a = jnp.asarray(x)
    flat = jnp.ravel(a).tolist()
    return tuple(a.shape), flat


def _broadcast(shape_a, flat_a, shape_d, flat_d):
    """Both operands at their common shape (a scalar goes with anything), or None."""
    if shape_a == shape_d:
        return flat_a, flat_d
    if len(flat_d) == 1:
        return flat_a, flat_d * len(flat_a)
    if len(flat_a) == 1:
        return flat_a * len(flat_d), flat_d
    return None


def _compare(actual, desired, close, header, err_msg):
    shape_a, flat_a = _flat(actual)
    shape_d, flat_d = _flat(desired)
    both = _broadcast(shape_a, flat_a, shape_d, flat_d)
    if both is None:
        raise AssertionError('\n%s\n%s\n(shapes %s, %s mismatch)' % (header, err_msg, shape_a,
                                                                      shape_d))
    bad = [i for i, (a, d) in enumerate(zip(*both)) if not close(a, d)]
    if bad:
        n = len(both[0])
        raise AssertionError('\n%s\n%s\nMismatched elements: %d / %d (%.3g%%)'
                             % (header, err_msg, len(bad), n, 100.0 * len(bad) / n))


def _both_nan(a, d):
    return isinstance(a, float) and isinstance(d, float) and math.isnan(a) and math.isnan(d)


def assert_allclose(actual, desired, rtol=1e-7, atol=0, equal_nan=True, err_msg='',
                    verbose=True, *, strict=False):
    def close(a, d):
        if equal_nan and _both_nan(a, d):
            return True
        return abs(a - d) <= atol + rtol * abs(d)
    _compare(actual, desired, close, 'Not equal to tolerance rtol=%g, atol=%g' % (rtol, atol),
             err_msg)


def assert_array_equal(actual, desired, err_msg='', verbose=True, *, strict=False):
    _compare(actual, desired, lambda a, d: a == d or _both_nan(a, d), 'Arrays are not equal',
             err_msg)


def assert_array_almost_equal(actual, desired, decimal=6, err_msg='', verbose=True):
    _compare(actual, desired, lambda a, d: abs(d - a) < 1.5 * 10.0 ** (-decimal),
             'Arrays are not almost equal to %d decimals' % decimal, err_msg)


def assert_equal(actual, desired, err_msg='', verbose=True):
    if isinstance(actual, (dict, list, tuple)) and type(actual) is type(desired) \
            and not _numeric(actual):
        if len(actual) != len(desired):
            raise AssertionError('\nItems are not equal: lengths %d != %d\n%s'
                                 % (len(actual), len(desired), err_msg))
        keys = actual.keys() if isinstance(actual, dict) else range(len(actual))
        for k in keys:
            assert_equal(actual[k], desired[k], err_msg, verbose)
        return
    assert_array_equal(actual, desired, err_msg, verbose)


def _numeric(seq):
    return all(isinstance(v, (int, float, bool)) for v in seq)


class _Raises:
    def __init__(self, expected):
        self.expected = expected

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is None:
            raise AssertionError('%s not raised' % self.expected.__name__)
        return issubclass(kind, self.expected)


def assert_raises(expected, *args, **kwargs):
    """`assert_raises(Error, fn, *args)` calls fn and expects Error; with no callable, a
    context manager that does."""
    context = _Raises(expected)
    if not args:
        return context
    with context:
        args[0](*args[1:], **kwargs)
