"""jax.checkpoint_policies: which values jax.checkpoint may save, over
dev.flaxj.transform.remat.CheckpointPolicies. A policy carries its Java policy as `_java` (what
jax.checkpoint passes to the core); calling one from Python is not supported."""

from jax._src import bridge

_raw = bridge._flaxj_host.CheckpointPolicies


class _Policy:
    __slots__ = ('_java', '__name__')

    def __init__(self, java_policy, name):
        self._java = java_policy
        self.__name__ = name

    def __call__(self, *args, **kwargs):
        raise NotImplementedError('flaxj: checkpoint policies are only usable as the policy of '
                                  'jax.checkpoint')

    def __repr__(self):
        return '<function %s>' % self.__name__


nothing_saveable = _Policy(_raw.NOTHING_SAVEABLE, 'nothing_saveable')
everything_saveable = _Policy(_raw.EVERYTHING_SAVEABLE, 'everything_saveable')
dots_saveable = checkpoint_dots = _Policy(_raw.DOTS_SAVEABLE, 'dots_saveable')
dots_with_no_batch_dims_saveable = checkpoint_dots_with_no_batch_dims = _Policy(
    _raw.DOTS_WITH_NO_BATCH_DIMS_SAVEABLE, 'dots_with_no_batch_dims_saveable')


def save_only_these_names(*names):
    return _Policy(bridge.call(_raw.saveOnlyTheseNames, *names), 'policy')


def save_any_names_but_these(*names):
    return _Policy(bridge.call(_raw.saveAnyNamesButThese, *names), 'policy')


save_anything_except_these_names = save_any_names_but_these


def save_from_both_policies(policy_1, policy_2):
    return _Policy(bridge.call(_raw.saveFromBothPolicies, policy_1._java, policy_2._java),
                   'policy')
