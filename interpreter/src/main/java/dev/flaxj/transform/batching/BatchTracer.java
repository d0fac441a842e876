package dev.flaxj.transform.batching;

import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.Trace;
import dev.flaxj.transform.TraceStack;
import dev.flaxj.transform.Tracer;

/**
 * A value under {@code vmap}: the batched value {@link #val()} and the dimension of it that is
 * the batch ({@link BatchRules#NOT_MAPPED} when every index of the batch sees the same value).
 * Its abstract value is that of one example: {@code val}'s without the batch dimension.
 */
public final class BatchTracer extends Tracer {
  private final BatchTrace trace;
  private final Value val;
  private final int batchDim;
  private final ShapedArray aval;

  public BatchTracer(BatchTrace trace, Value val, int batchDim) {
    ShapedArray full = val.aval();
    if (batchDim != BatchRules.NOT_MAPPED && (batchDim < 0 || batchDim >= full.rank())) {
      throw new IllegalArgumentException("batch dimension " + batchDim + " is out of range for "
          + full.str());
    }
    this.trace = trace;
    this.val = val;
    this.batchDim = batchDim;
    this.aval = batchDim == BatchRules.NOT_MAPPED ? full
        : full.withShape(Shape.of(BatchDims.without(full.shape().dims(), batchDim)));
  }

  public Value val() {
    return val;
  }

  public int batchDim() {
    return batchDim;
  }

  @Override
  public ShapedArray aval() {
    return aval;
  }

  @Override
  public Trace trace() {
    return trace;
  }

  /** The bare value when it is not mapped (the same for every index of the batch). */
  @Override
  public Value fullLower() {
    return batchDim == BatchRules.NOT_MAPPED ? TraceStack.fullLower(val) : this;
  }

  @Override
  public String toString() {
    return "BatchTracer(" + aval.str() + ", batch_dim=" + (batchDim == BatchRules.NOT_MAPPED
        ? "not_mapped" : batchDim) + ", val=" + val.aval().str() + ")";
  }
}
