package dev.flaxj.numpy;

import dev.flaxj.array.Array;
import dev.flaxj.array.Promotion;
import dev.flaxj.array.Shape;
import dev.flaxj.array.Value;
import dev.flaxj.lax.GatherScatterMode;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.ScatterDimensionNumbers;

/**
 * {@code x.at[index]}: functional indexed updates. Nothing is written in place; each method
 * returns a new value. Updates at out-of-range indices (integers or array entries) are dropped,
 * JAX's default mode for scatters; repeated indices accumulate in {@link #add}, and in
 * {@link #set} one of the colliding updates wins.
 */
public final class IndexUpdate {
  private final Value x;
  private final Index[] index;

  IndexUpdate(Value x, Index[] index) {
    this.x = x;
    this.index = index.clone();
  }

  /** {@code x.at[index].get()}: the same as {@code x[index]}. */
  public Value get() {
    return Indexing.index(x, index);
  }

  /** {@code x.at[index].set(values)}: {@code values} broadcast to the indexed shape. */
  public Value set(Object values) {
    return scatter(values, Scatter.SET);
  }

  /** {@code x.at[index].add(values)}: adds {@code values}, accumulating at repeated indices. */
  public Value add(Object values) {
    return scatter(values, Scatter.ADD);
  }

  private enum Scatter { SET, ADD }

  private Value scatter(Object values, Scatter kind) {
    Value y = updateValue(values);
    ParsedIndex p = ParsedIndex.parse(x, index);
    GatherPlan plan = GatherPlan.of(p);
    if (plan.empty()) {
      return x;
    }
    Promotion.Result r = Operands.resultType(p.operand(), y);
    Value target = Operands.convert(p.operand(), r.dtype(), r.weakType());
    Value updates = Operands.convert(y, r.dtype(), r.weakType());
    updates = Operands.broadcastTo("at", updates, Shape.of(plan.sliceShape()));
    if (plan.newAxisDims().length > 0) {
      updates = Lax.squeeze(updates, plan.newAxisDims());
    }
    Value indices = plan.indices() != null ? plan.indices() : Array.of(new int[0], 0);
    ScatterDimensionNumbers dn = plan.scatterDimensionNumbers();
    Value out = kind == Scatter.SET
        ? Lax.scatter(target, indices, updates, dn, GatherScatterMode.FILL_OR_DROP)
        : Lax.scatterAdd(target, indices, updates, dn, GatherScatterMode.FILL_OR_DROP);
    if (p.insertedAxes().length > 0) {
      out = Lax.squeeze(out, p.insertedAxes());
    }
    return Operands.convert(out, x.dtype(), x.aval().weakType());
  }

  /** A Java integer that fits the integer dtype of {@code x} takes that dtype, as in JAX. */
  private Value updateValue(Object values) {
    if ((values instanceof Integer || values instanceof Long) && x.dtype().isInteger()) {
      long v = ((Number) values).longValue();
      long lo = x.dtype().isUnsigned() ? 0 : Integer.MIN_VALUE;
      long hi = x.dtype().isUnsigned() ? 0xFFFFFFFFL : Integer.MAX_VALUE;
      if (v >= lo && v <= hi) {
        return Constants.scalar(v, x.dtype(), false);
      }
    }
    return ArrayLike.of("at", values);
  }
}
