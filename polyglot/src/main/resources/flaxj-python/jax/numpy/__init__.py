"""jax.numpy: numpy's API over the Java core (see jax._src.numpy_api)."""

from jax._src.numpy_api import *  # noqa: F401,F403
from jax._src.numpy_api import (  # noqa: F401  names that `import *` skips or that shadow builtins
    abs, all, any, max, min, round, sum, pow)
from jax._src.dtypes import (  # noqa: F401
    dtype, bool_, int32, uint32, float32, int64, uint64, float64, float16, bfloat16)
from jax._src.array import Array as ndarray  # noqa: F401
