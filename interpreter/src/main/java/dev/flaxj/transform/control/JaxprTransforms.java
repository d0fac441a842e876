package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.batching.Batching;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.transform.staging.Staging;
import java.util.ArrayList;
import java.util.List;

/**
 * Transformations of the jaxprs held by the control-flow primitives, each staged back into a
 * jaxpr (JAX's {@code jvp_jaxpr} and {@code batch_jaxpr}; partial evaluation is
 * {@link dev.flaxj.transform.partial.PartialEval#partialEvalJaxpr}): the rules of {@code cond},
 * {@code while} and {@code scan} transform their bodies with these and bind the primitive again
 * on the results.
 */
final class JaxprTransforms {
  private JaxprTransforms() {}

  /** A jaxpr of primals and their nonzero tangents, and which of its output tangents are nonzero. */
  record JvpJaxpr(ClosedJaxpr jaxpr, boolean[] nonzerosOut) {}

  /**
   * JAX's {@code jvp_jaxpr}: the jaxpr taking {@code [*primals, *tangents of the nonzeros]} and
   * returning {@code [*primal outputs, *nonzero output tangents]}. An output tangent is present
   * if it is not a symbolic zero or {@code instantiate} asks for it (then it may be zeros).
   */
  static JvpJaxpr jvpJaxpr(ClosedJaxpr closed, boolean[] nonzeros, boolean[] instantiate) {
    List<ShapedArray> inAvals = closed.inAvals();
    List<ShapedArray> tangentAvals = new ArrayList<>();
    for (int i = 0; i < nonzeros.length; i++) {
      if (nonzeros[i]) {
        tangentAvals.add(Zero.of(inAvals.get(i)).aval());
      }
    }
    boolean[][] nonzerosOut = new boolean[1][];
    ClosedJaxpr jvp = Staging.traceToJaxpr(flat -> {
      int n = inAvals.size();
      List<Value> primals = flat.subList(0, n);
      List<Value> tangents = new ArrayList<>(n);
      int k = n;
      for (int i = 0; i < n; i++) {
        tangents.add(nonzeros[i] ? flat.get(k++) : Zero.of(inAvals.get(i)));
      }
      JvpResult r = Jvp.jvpFlat(primals, tangents, args -> EvalJaxpr.eval(closed, args));
      List<Value> out = new ArrayList<>(r.primalsOut());
      boolean[] nz = new boolean[r.tangentsOut().size()];
      for (int j = 0; j < nz.length; j++) {
        Value t = r.tangentsOut().get(j);
        nz[j] = !Zero.is(t) || instantiate[j];
        if (nz[j]) {
          out.add(Tangents.instantiate(t));
        }
      }
      nonzerosOut[0] = nz;
      return out;
    }, Lists.concat(inAvals, tangentAvals));
    return new JvpJaxpr(jvp, nonzerosOut[0]);
  }

  /** Where a batched jaxpr's output goes: {@code ANY} leaves an unbatched output unbatched. */
  static final int ANY = -2;

  /** A batched jaxpr and which of its outputs carry the batch. */
  record BatchedJaxpr(ClosedJaxpr jaxpr, boolean[] outBatched) {}

  /**
   * JAX's {@code batch_jaxpr_axes}: the jaxpr for inputs batched along {@code inDims} (entries
   * {@link BatchRules#NOT_MAPPED} for unbatched ones) whose output {@code k} has its batch at
   * {@code outDims[k]}: a dimension (an unbatched output is broadcast there), NOT_MAPPED (the
   * output must be unbatched), or {@link #ANY} (dimension 0 if batched, else unbatched).
   */
  static BatchedJaxpr batchJaxpr(ClosedJaxpr closed, AxisData axis, int[] inDims, int[] outDims) {
    List<ShapedArray> inAvals = new ArrayList<>();
    for (int i = 0; i < inDims.length; i++) {
      ShapedArray a = closed.inAvals().get(i);
      inAvals.add(inDims[i] == BatchRules.NOT_MAPPED ? a : withAxis(a, inDims[i], axis.size()));
    }
    boolean[][] outBatched = new boolean[1][];
    ClosedJaxpr batched = Staging.traceToJaxpr(flat -> {
      BatchResult r = Batching.batch(args -> EvalJaxpr.eval(closed, args), axis, flat, inDims);
      int[] dims = r.dims();
      boolean[] b = new boolean[dims.length];
      List<Value> outs = new ArrayList<>(dims.length);
      for (int k = 0; k < dims.length; k++) {
        Value v = r.outs().get(k);
        int want = outDims[k] == ANY ? (dims[k] == BatchRules.NOT_MAPPED ? BatchRules.NOT_MAPPED : 0) : outDims[k];
        if (want == BatchRules.NOT_MAPPED) {
          if (dims[k] != BatchRules.NOT_MAPPED) {
            throw new IllegalStateException("batching: output " + k + " of a body is batched but "
                + "was required to be unbatched");
          }
          outs.add(v);
        } else {
          outs.add(Batching.moveBatch(v, dims[k], want, axis.size()));
          b[k] = true;
        }
      }
      outBatched[0] = b;
      return outs;
    }, inAvals);
    return new BatchedJaxpr(batched, outBatched[0]);
  }

  /**
   * JAX's {@code batch_jaxpr}: inputs batched at dimension 0 where {@code inBatched}; outputs at
   * dimension 0 when batched, and broadcast to it where {@code instantiate} asks.
   */
  static BatchedJaxpr batchJaxpr(ClosedJaxpr closed, AxisData axis, boolean[] inBatched, boolean[] instantiate) {
    return batchJaxpr(closed, axis, dims(inBatched, 0, BatchRules.NOT_MAPPED), dims(instantiate, 0, ANY));
  }

  /** {@code whenTrue} where the flag is set, {@code whenFalse} elsewhere. */
  static int[] dims(boolean[] flags, int whenTrue, int whenFalse) {
    int[] out = new int[flags.length];
    for (int i = 0; i < flags.length; i++) {
      out[i] = flags[i] ? whenTrue : whenFalse;
    }
    return out;
  }

  /** {@code aval} with a dimension of {@code size} inserted at {@code dim}. */
  static ShapedArray withAxis(ShapedArray aval, int dim, int size) {
    int[] dims = aval.shape().dims();
    int[] out = new int[dims.length + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == dim ? size : dims[j++];
    }
    return aval.withShape(dev.flaxj.array.Shape.of(out));
  }
}
