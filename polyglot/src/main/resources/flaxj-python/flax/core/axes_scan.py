"""flax.core.axes_scan: the `broadcast` marker for scan in_axes."""


class _Broadcast:
  def __repr__(self):
    return 'broadcast'


broadcast = _Broadcast()
