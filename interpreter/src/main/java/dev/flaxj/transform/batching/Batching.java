package dev.flaxj.transform.batching;

import static dev.flaxj.transform.batching.BatchRules.NOT_MAPPED;

import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TraceStack;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Batching of flat functions (JAX's {@code batching.batch}), for {@link Vmap} and for the
 * batching rules of higher-order primitives, which batch the functions they hold with the
 * {@link AxisData} their rule receives (so that collectives inside still find their axis).
 */
public final class Batching {
  private Batching() {}

  /**
   * Runs {@code f} once on batched arguments under a new batch trace of {@code axis}; argument
   * {@code i} carries its batch at {@code inDims[i]} ({@link BatchRules#NOT_MAPPED} if none).
   * Returns the outputs with their batch dimensions where {@code f}'s operations left them.
   */
  public static BatchResult batch(Function<List<Value>, List<Value>> f, AxisData axis,
      List<? extends Value> args, int[] inDims) {
    try (TraceStack.Entry entry = TraceStack.push(BatchTrace::new, axis)) {
      BatchTrace trace = (BatchTrace) entry.main().trace();
      List<Value> in = new ArrayList<>(args.size());
      for (Object v : tracersIn(trace, args, inDims)) {
        in.add((Value) v);
      }
      return unzip(trace, f.apply(in));
    }
  }

  /**
   * {@code x}, batched at {@code from} ({@link BatchRules#NOT_MAPPED} if not), with its batch at
   * {@code to} instead: moved there, or broadcast to {@code size} along a new dimension there.
   */
  public static Value moveBatch(Value x, int from, int to, int size) {
    return BatchDims.toAxis(x, from, size, to);
  }

  /** The arguments as values of {@code trace}: mapped ones as tracers, the others as they are. */
  static List<Object> tracersIn(BatchTrace trace, List<?> args, int[] dims) {
    List<Object> out = new ArrayList<>(args.size());
    for (int i = 0; i < dims.length; i++) {
      Object a = args.get(i);
      out.add(dims[i] == NOT_MAPPED ? a : new BatchTracer(trace, FlatFunction.asValue(a), dims[i]));
    }
    return out;
  }

  /** Output leaves raised to {@code trace} and taken apart into batched values and dimensions. */
  static BatchResult unzip(BatchTrace trace, List<?> outs) {
    List<Value> vals = new ArrayList<>(outs.size());
    int[] dims = new int[outs.size()];
    for (int i = 0; i < dims.length; i++) {
      BatchTracer t = (BatchTracer) TraceStack.fullRaise(trace, FlatFunction.asValue(outs.get(i)));
      vals.add(t.val());
      dims[i] = t.batchDim();
    }
    return new BatchResult(vals, dims);
  }
}
