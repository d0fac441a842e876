"""What the built-in layers share: a Java layer as the peer, calls forwarded to it."""

from flax import errors
from flax._java import FB, to_java, from_java
from flax.linen.module import Module, nowrap


class JavaLayer(Module):
  """A layer implemented by a Java module of dev.flaxj.linen (its math and parameters are Java's)."""

  @nowrap
  def _call_java(self, *args):
    peer = self.__dict__.get('_peer')
    if peer is None or not FB.isBound(peer):
      raise errors.CallCompactUnboundModuleError()
    from flax.linen import module as module_lib
    if module_lib._interceptor_stack:
      return module_lib._run_interceptors(_java_call, self, args, {})
    return _java_call(self, *args)


def _java_call(module, *args):
  return from_java(FB.call(module._peer, [to_java(a) for a in args]))


_java_call.__name__ = '__call__'


def java_initializer(init, default):
  """`init` as a Java initializer adapter, or None (the Java default) if it is `default`."""
  if init is None or init is default:
    return None
  if hasattr(init, '_java'):
    return init._java

  def adapter(key, shape, dtype_name):
    import jax.numpy as jnp
    return to_java(init(from_java(key), from_java(shape), getattr(jnp, dtype_name)))
  return adapter


def java_activation(fn, default):
  """`fn` as a Java activation adapter, or None (the Java default) if it is `default`."""
  if fn is None or fn is default:
    return None

  def adapter(x):
    return to_java(fn(from_java(x)))
  return adapter


def java_function(fn):
  """A function of one array (a Sequential layer) as a Java-side adapter."""
  def adapter(x):
    return to_java(fn(from_java(x)))
  return adapter
