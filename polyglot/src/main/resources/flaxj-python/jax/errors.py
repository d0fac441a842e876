"""jax.errors: the error classes JAX raises for misuse of traced values."""

from jax._src import bridge


class JAXTypeError(TypeError):
    pass


class JAXIndexError(IndexError):
    pass


class ConcretizationTypeError(JAXTypeError):
    """A traced value was used where a concrete Python value is needed."""


class TracerBoolConversionError(ConcretizationTypeError):
    pass


class TracerIntegerConversionError(JAXTypeError):
    pass


class TracerArrayConversionError(JAXTypeError):
    pass


class NonConcreteBooleanIndexError(JAXIndexError):
    pass


class UnexpectedTracerError(Exception):
    pass


class KeyReuseError(RuntimeError):
    pass


bridge.register_error('dev.flaxj.transform.ConcretizationTypeError', ConcretizationTypeError)
bridge.register_error('dev.flaxj.transform.NonConcreteBooleanIndexError',
                      NonConcreteBooleanIndexError)
