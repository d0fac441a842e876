package dev.flaxj.numpy;

import dev.flaxj.array.Value;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.Lax;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code x[index]}. Without index arrays: {@code slice} (with strides), {@code rev} for negative
 * steps, {@code squeeze} for integers and {@code expand_dims} for new axes, as {@code jnp} does.
 * With index arrays: one {@code gather}. Out-of-range integers and array entries clamp to the
 * axis, as in JAX (which only checks static integers under {@code jax_check_static_indices}).
 */
final class Indexing {
  private Indexing() {}

  static Value index(Value x, Index... index) {
    ParsedIndex p = ParsedIndex.parse(x, index);
    boolean anyArray = p.entries().stream().anyMatch(e -> e instanceof ParsedIndex.ArrayEntry);
    return anyArray ? gather(p) : staticSlice(p);
  }

  private static Value gather(ParsedIndex p) {
    GatherPlan plan = GatherPlan.of(p);
    Value y = p.operand();
    if (plan.empty()) {
      return Constants.full(plan.sliceShape(), 0, y.dtype(), y.aval().weakType());
    }
    if (plan.indices() != null) {
      y = Lax.gather(y, plan.indices(), plan.gatherDimensionNumbers(), plan.sliceSizes(),
          GatherScatterMode.PROMISE_IN_BOUNDS);
    }
    return Lax.expandDims(y, plan.newAxisDims());
  }

  private static Value staticSlice(ParsedIndex p) {
    Value x = p.operand();
    int rank = x.rank();
    int[] start = new int[rank];
    int[] limit = new int[rank];
    int[] strides = new int[rank];
    List<Integer> reversed = new ArrayList<>();
    List<Integer> squeezed = new ArrayList<>();
    List<Integer> newAxes = new ArrayList<>();
    boolean trivial = true;
    boolean unitStrides = true;
    int axis = 0;
    int outAxis = 0;
    for (ParsedIndex.Entry e : p.entries()) {
      if (e instanceof ParsedIndex.NewAxisEntry) {
        newAxes.add(outAxis++);
        continue;
      }
      int size = x.shape().dim(axis);
      strides[axis] = 1;
      if (e instanceof ParsedIndex.IntEntry i) {
        start[axis] = Math.max(0, Math.min(size - 1, i.index()));
        limit[axis] = start[axis] + 1;
        squeezed.add(axis);
      } else {
        ParsedIndex.SliceEntry s = (ParsedIndex.SliceEntry) e;
        int step = Math.abs(s.step());
        int last = s.start() + (s.size() - 1) * s.step();
        start[axis] = s.size() == 0 ? 0 : Math.min(s.start(), last);
        limit[axis] = s.size() == 0 ? 0 : Math.max(s.start(), last) + 1;
        strides[axis] = s.size() <= 1 ? 1 : step;
        if (s.step() < 0 && s.size() > 1) {
          reversed.add(axis);
        }
        outAxis++;
      }
      trivial &= start[axis] == 0 && limit[axis] == size && strides[axis] == 1;
      unitStrides &= strides[axis] == 1;
      axis++;
    }
    Value y = x;
    if (!trivial) {
      y = unitStrides ? Lax.slice(x, start, limit) : Lax.slice(x, start, limit, strides);
    }
    if (!reversed.isEmpty()) {
      y = Lax.rev(y, Ints.of(reversed));
    }
    if (!squeezed.isEmpty()) {
      y = Lax.squeeze(y, Ints.of(squeezed));
    }
    return newAxes.isEmpty() ? y : Lax.expandDims(y, Ints.of(newAxes));
  }
}
