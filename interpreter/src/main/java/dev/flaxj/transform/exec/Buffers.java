package dev.flaxj.transform.exec;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The float32 buffers of one run of an {@link ExecutionPlan}: fused steps take their result
 * buffers here, and a buffer comes back for reuse when its slot dies ({@link Liveness}), so a
 * chain of fused steps over one shape writes into the same few buffers instead of allocating one
 * per step. Only buffers this run allocated come back, and only when no live slot still holds
 * them (a kernel may return its operand, or a view of it, as its result): the caller's arguments,
 * constants and results are never written.
 */
final class Buffers {
  private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
  private final Set<float[]> allocated = Collections.newSetFromMap(new IdentityHashMap<>());

  /** A buffer of {@code size} floats with arbitrary contents, for a step to overwrite entirely. */
  float[] floats(int size) {
    ArrayDeque<float[]> q = free.get(size);
    float[] f = q == null ? null : q.poll();
    if (f == null) {
      f = new float[size];
      allocated.add(f);
    }
    return f;
  }

  /** Takes back the buffer of a value whose slot just died, if it is this run's and unused. */
  void release(Value dead, Value[] env) {
    if (!(dead instanceof Array a) || !(a.rawStorage() instanceof float[] f) || !allocated.contains(f)) {
      return;
    }
    for (Value v : env) {
      if (v instanceof Array live && live.rawStorage() == f) {
        return;
      }
    }
    free.computeIfAbsent(f.length, n -> new ArrayDeque<>()).push(f);
  }
}
