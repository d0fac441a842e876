"""flax.errors: Flax's error classes, with Flax's messages and documentation links.

Errors raised by the Java core (dev.flaxj.errors.*) arrive as the class of the same name here,
with the message the Java side composed (which already carries the link).
"""

_ERROR_PAGE = 'https://flax.readthedocs.io/en/latest/api_reference/flax.errors.html'


class FlaxError(Exception):
  def __init__(self, message):
    if _ERROR_PAGE not in message:
      message = (f'{message} ({_ERROR_PAGE}#{type(self).__module__}.'
                 f'{type(self).__name__})')
    super().__init__(message)


def _error(name, message):
  """A FlaxError subclass whose constructor takes Flax's arguments and formats `message`."""
  def __init__(self, *args, **kwargs):
    FlaxError.__init__(self, message(*args, **kwargs))
  cls = type(name, (FlaxError,), {'__init__': __init__, '__module__': __name__})
  globals()[name] = cls
  return cls


_error('LazyInitError', lambda partial_val: (
    'Lazy init encountered a value that could with '
    f'the given inputs (shape: {partial_val}).'))
_error('InvalidRngError', lambda msg: msg)
_error('ApplyScopeInvalidVariablesTypeError', lambda: (
    'The first argument passed to an apply function should be '
    'a dictionary of collections. Each collection should be a '
    'dictionary with string keys.'))
_error('ApplyScopeInvalidVariablesStructureError', lambda variables: (
    'Expect the `variables` (first argument) passed to apply() '
    'to be a dict with the structure {"params": ...}, but got a dict '
    'with an extra params layer, i.e.  {"params": {"params": ... } }. '
    'You should instead pass in your dict\'s ["params"].'))
_error('ScopeParamNotFoundError', lambda param_name, scope_path: (
    f'Could not find parameter named "{param_name}" in scope "{scope_path}".'))
_error('ScopeCollectionNotFound', lambda col_name, var_name, scope_path: (
    f'Tried to access "{var_name}" from collection "{col_name}" in '
    f'"{scope_path}" but the collection is empty.'))
_error('ScopeParamShapeError', lambda param_name, scope_path, value_shape, init_shape: (
    f'For parameter "{param_name}" in "{scope_path}", the given '
    f'initializer is expected to generate shape {init_shape}, but the '
    f'existing parameter it received has shape {value_shape}.'))
_error('ScopeVariableNotFoundError', lambda name, col, scope_path: (
    f'No Variable named "{name}" for collection "{col}" exists in "{scope_path}".'))
_error('InvalidFilterError', lambda filter_like: f'Invalid Filter: "{filter_like}"')
_error('InvalidScopeError', lambda scope_name: f'The scope "{scope_name}" is no longer valid.')
_error('ModifyScopeVariableError', lambda col, variable_name, scope_path: (
    f'Cannot update variable "{variable_name}" in '
    f'"{scope_path}" because collection "{col}" is immutable.'))
_error('ImmutableVariableError', lambda message: message)
_error('JaxTransformError', lambda: 'Jax transforms and Flax models cannot be mixed.')
_error('PartitioningUnspecifiedError', lambda target: (
    'Trying to transform a Partitioned variable but "partition_name"'
    f' is not specified in metadata_params: {target}'))
_error('NameInUseError', lambda key_type, value, module_name: (
    f'Could not create {key_type} "{value}" in Module {module_name}: Name in use.'))
_error('AssignSubModuleError', lambda cls: (
    f'Submodule {cls} must be defined in `setup()` or in a method wrapped in `@compact`'))
_error('SetAttributeInModuleSetupError', lambda: 'Module construction attributes are frozen.')
_error('SetAttributeFrozenModuleError', lambda module_cls, attr_name, attr_val: (
    f"Can't set {attr_name}={attr_val} for Module of type "
    f'{module_cls}: Module instance is frozen outside of setup method.'))
_error('MultipleMethodsCompactError', lambda: 'Only one method per class can be @compact')
_error('ReservedModuleAttributeError', lambda annotations: (
    f'properties `parent` and `name` are reserved: {annotations}'))
_error('ApplyModuleInvalidMethodError', lambda method: (
    f'Cannot call apply(): {method} is not a valid function for apply().'))
_error('CallCompactUnboundModuleError', lambda: "Can't call compact methods on unbound modules")
_error('CallSetupUnboundModuleError', lambda: "Can't call compact methods on unbound modules")
_error('CallUnbindOnUnboundModuleError', lambda: "Can't call `unbind()` on unbound modules")
_error('CallShareScopeOnUnboundModuleError', lambda: "Can't call `share_scope` on unbound modules")
_error('InvalidInstanceModuleError', lambda: (
    'Can only call init, init_with_output or apply methods on an instance'
    ' of the Module class, not the Module class itself'))
_error('IncorrectPostInitOverrideError', lambda: (
    'Overrode `.__post_init__()` without calling `super().__post_init__()`'))
_error('DescriptorAttributeError', lambda: (
    'Trying to access a property that is accessing a non-existent attribute.'))
_error('TransformedMethodReturnValueError', lambda name: (
    f'Transformed module method {name} cannot return Modules or Variables.'))
_error('TransformTargetError', lambda target: (
    'Linen transformations must be applied to Modules classes or'
    ' functions taking a Module instance as the first argument.'
    f' The provided target is not a Module class or callable: {target}'))
_error('AlreadyExistsError', lambda path: f'Trying overwrite an existing file: "{path}".')


def _from_java(name):
  """The constructor of `name` for an error the Java core raised (message already complete)."""
  cls = globals().get(name)
  if not (isinstance(cls, type) and issubclass(cls, FlaxError)):
    return None

  def make(message):
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    return err
  return make


def _register():
  from jax._src import bridge
  bridge.register_error_resolver('dev.flaxj.errors.', _from_java)


_register()
