package dev.flaxj.transform.control;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.batching.AxisData;
import dev.flaxj.transform.batching.BatchResult;
import dev.flaxj.transform.batching.BatchRules;
import dev.flaxj.transform.batching.Batching;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.JvpRules;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.transform.partial.StopGradient;
import java.util.ArrayList;
import java.util.List;

/** The transformation rules of {@code cond}, registered into each rule table. */
public final class CondRules {
  private CondRules() {}

  public static void registerJvp() {
    JvpRules.register(CondPrimitive.COND, CondRules::jvp);
  }

  /**
   * JAX's {@code _cond_jvp}: every branch is differentiated with respect to the operands whose
   * tangents are nonzero; an output tangent is carried if it is nonzero in any branch (zeros are
   * instantiated in the others), and one {@code cond} computes primals and tangents together.
   */
  static JvpResult jvp(List<Value> primals, List<Value> tangents, Params params) {
    ClosedJaxpr[] branches = CondPrimitive.branches(params);
    List<Value> ops = primals.subList(1, primals.size());
    List<Value> opTangents = tangents.subList(1, tangents.size());
    boolean[] opsNz = nonzeros(opTangents);
    int numOut = branches[0].outAvals().size();
    boolean[] outNz = new boolean[numOut];
    for (ClosedJaxpr b : branches) {
      outNz = Lists.or(outNz, JaxprTransforms.jvpJaxpr(b, opsNz, new boolean[numOut]).nonzerosOut());
    }
    ClosedJaxpr[] jvpBranches = new ClosedJaxpr[branches.length];
    for (int i = 0; i < branches.length; i++) {
      jvpBranches[i] = JaxprTransforms.jvpJaxpr(branches[i], opsNz, outNz).jaxpr();
    }
    List<Value> out = CondPrimitive.bind(primals.get(0),
        Lists.concat(ops, Lists.select(opsNz, opTangents, true)), jvpBranches);
    return splitTangents(out, numOut, outNz);
  }

  public static void registerBatching() {
    BatchRules.register(CondPrimitive.COND, CondRules::batch);
  }

  /**
   * JAX's {@code _cond_batching_rule}. A batched index turns the cond into a select: every branch
   * runs on the whole batch (its operands passed through {@code stop_gradient} where another
   * branch was chosen, so that no gradient flows through a branch not taken) and
   * {@code select_n} on the index picks each lane's result. An unbatched index keeps one cond
   * whose branches are batched; an output is batched if any branch batches it.
   */
  static BatchResult batch(List<Value> args, int[] dims, Params params, AxisData axis) {
    ClosedJaxpr[] branches = CondPrimitive.branches(params);
    int numOut = branches[0].outAvals().size();
    if (dims[0] != BatchRules.NOT_MAPPED) {
      List<Value> front = new ArrayList<>(args.size());
      for (int i = 0; i < args.size(); i++) {
        front.add(Batching.moveBatch(args.get(i), dims[i], 0, axis.size()));
      }
      Value index = front.get(0);
      List<Value> ops = front.subList(1, front.size());
      boolean[] all = Lists.filled(ops.size(), true);
      List<List<Value>> outs = new ArrayList<>(branches.length);
      for (int b = 0; b < branches.length; b++) {
        ClosedJaxpr batched = JaxprTransforms.batchJaxpr(branches[b], axis, all,
            Lists.filled(numOut, true)).jaxpr();
        Value taken = Jnp.equal(index, Array.scalar(b));
        List<Value> guarded = new ArrayList<>(ops.size());
        for (Value x : ops) {
          guarded.add(Selects.selectN(taken, StopGradient.stopGradient(x), x));
        }
        outs.add(EvalJaxpr.eval(batched, guarded));
      }
      List<Value> selected = new ArrayList<>(numOut);
      for (int k = 0; k < numOut; k++) {
        Value[] cases = new Value[branches.length];
        for (int b = 0; b < branches.length; b++) {
          cases[b] = outs.get(b).get(k);
        }
        selected.add(Selects.selectN(index, cases));
      }
      return new BatchResult(selected, new int[numOut]);
    }
    boolean[] opsBatched = Lists.mapped(java.util.Arrays.copyOfRange(dims, 1, dims.length));
    List<Value> ops = new ArrayList<>(opsBatched.length);
    for (int i = 0; i < opsBatched.length; i++) {
      ops.add(opsBatched[i] ? Batching.moveBatch(args.get(i + 1), dims[i + 1], 0, axis.size()) : args.get(i + 1));
    }
    boolean[] outBatched = new boolean[numOut];
    for (ClosedJaxpr b : branches) {
      outBatched = Lists.or(outBatched,
          JaxprTransforms.batchJaxpr(b, axis, opsBatched, new boolean[numOut]).outBatched());
    }
    ClosedJaxpr[] batched = new ClosedJaxpr[branches.length];
    for (int b = 0; b < branches.length; b++) {
      batched[b] = JaxprTransforms.batchJaxpr(branches[b], axis, opsBatched, outBatched).jaxpr();
    }
    return new BatchResult(CondPrimitive.bind(args.get(0), ops, batched),
        JaxprTransforms.dims(outBatched, 0, BatchRules.NOT_MAPPED));
  }

  static boolean[] nonzeros(List<Value> tangents) {
    boolean[] nz = new boolean[tangents.size()];
    for (int i = 0; i < nz.length; i++) {
      nz[i] = !Zero.is(tangents.get(i));
    }
    return nz;
  }

  /** {@code [*primals, *nonzero tangents]} as a result with Zero for the other tangents. */
  static JvpResult splitTangents(List<Value> out, int numPrimals, boolean[] nonzerosOut) {
    List<Value> primalsOut = out.subList(0, numPrimals);
    List<Value> tangentsOut = new ArrayList<>(numPrimals);
    int k = numPrimals;
    for (int j = 0; j < numPrimals; j++) {
      tangentsOut.add(nonzerosOut[j] ? out.get(k++) : Zero.of(primalsOut.get(j).aval()));
    }
    return new JvpResult(new ArrayList<>(primalsOut), tangentsOut);
  }
}
