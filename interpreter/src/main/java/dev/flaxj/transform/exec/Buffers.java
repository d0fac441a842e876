package dev.flaxj.transform.exec;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The float32 buffers of one run of an {@link ExecutionPlan}: fused steps take their result
 * buffers here, and a buffer comes back for reuse when its slot dies ({@link Liveness}), so a
 * chain of fused steps over one shape writes into the same few buffers instead of allocating one
 * per step. Only buffers this run allocated come back, and only when no live slot still holds
 * them (a kernel may return its operand, or a view of it, as its result): the caller's arguments,
 * constants and results are never written.
 *
 * <p>A run holds few buffers, so both lists are searched linearly; they are created on first use,
 * as most runs of a small plan (a scan body) lend nothing.
 */
final class Buffers {
  private List<float[]> free;
  private List<float[]> allocated;

  /** A buffer of {@code size} floats with arbitrary contents, for a step to overwrite entirely. */
  float[] floats(int size) {
    if (free != null) {
      for (int i = free.size() - 1; i >= 0; i--) {
        if (free.get(i).length == size) {
          return free.remove(i);
        }
      }
    }
    if (allocated == null) {
      allocated = new ArrayList<>();
    }
    float[] f = new float[size];
    allocated.add(f);
    return f;
  }

  /** Takes back the buffer of a value whose slot just died, if it is this run's and unused. */
  void release(Value dead, Value[] env) {
    if (allocated == null || !(dead instanceof Array a) || !(a.rawStorage() instanceof float[] f)
        || !holds(allocated, f)) {
      return;
    }
    for (Value v : env) {
      if (v instanceof Array live && live.rawStorage() == f) {
        return;
      }
    }
    if (free == null) {
      free = new ArrayList<>();
    }
    free.add(f);
  }

  private static boolean holds(List<float[]> buffers, float[] f) {
    for (float[] b : buffers) {
      if (b == f) {
        return true;
      }
    }
    return false;
  }
}
