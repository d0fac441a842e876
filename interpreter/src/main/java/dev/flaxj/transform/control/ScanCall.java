package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;

/** {@code lax.scan}: length and unroll checks, staging of the body, carry checks, binding. */
final class ScanCall {
  private ScanCall() {}

  static Tuple scan(TreeFunction f, Object init, Object xs, Integer length, boolean reverse, Object unroll) {
    if (f == null) {
      throw new ControlFlowTypeError("lax.scan: f argument should be a callable.");
    }
    Flattened initFlat = Trees.flatten(init);
    List<Value> carry = Leaves.values(initFlat.leaves());
    List<Value> xsValues = Leaves.values(Trees.leaves(xs));
    int n = inferLength(xsValues, length);
    int unrollCount = unrollCount(unroll, n);
    TreeDef inTree = FlatFunction.flattenArgs(init, xs).treedef();
    List<ShapedArray> xAvals = new ArrayList<>();
    for (Value x : xsValues) {
      xAvals.add(ScanPrimitive.unstacked(x.aval()));
    }
    Body body = Body.trace(f, inTree, Leaves.avals(carry), xAvals);
    if (body.carryTree().numLeaves() != carry.size()) {
      TypeChecks.checkCarryType("scan body", initFlat.treedef(), Leaves.avals(carry), body.carryTree(),
          body.carryOut());
    }
    List<Value> promoted = Leaves.promoteWeakCarry(carry, body.carryOut());
    if (promoted != null) {
      carry = promoted;
      body = Body.trace(f, inTree, Leaves.avals(carry), xAvals);
    }
    TypeChecks.checkCarryType("scan body", initFlat.treedef(), Leaves.avals(carry), body.carryTree(),
        body.carryOut());
    List<Value> outs = bind(body.fn(), carry, xsValues, n, reverse, unrollCount);
    return Tuple.of(body.carryTree().unflatten(outs.subList(0, carry.size())),
        body.ysTree().unflatten(outs.subList(carry.size(), outs.size())));
  }

  /**
   * Binds {@code scan}, as JAX does after two rewrites that change no value: a carry the body
   * returns unchanged becomes a const, and an output that is a sequence item is that sequence
   * (not restacked).
   */
  private static List<Value> bind(TracedFunction fn, List<Value> carry, List<Value> xs, int length,
      boolean reverse, int unroll) {
    ClosedJaxpr jaxpr = fn.jaxpr();
    int nc = fn.consts().size();
    int ncarry = carry.size();
    int nys = jaxpr.outAvals().size() - ncarry;
    int[] fwd = JaxprSurgery.forwarding(jaxpr);
    boolean[] toConst = new boolean[ncarry];
    for (int i = 0; i < ncarry; i++) {
      toConst[i] = fwd[i] == nc + i;
    }
    boolean[] keepOut = Lists.concat(Lists.not(toConst), Lists.filled(nys, true));
    int[] ysFromXs = new int[nys];
    for (int j = 0; j < nys; j++) {
      int in = fwd[ncarry + j];
      ysFromXs[j] = in >= nc + ncarry ? in - nc - ncarry : -1;
      keepOut[ncarry + j] = ysFromXs[j] < 0;
    }
    jaxpr = JaxprSurgery.moveInputsToFront(JaxprSurgery.pruneOutputs(jaxpr, keepOut),
        Lists.concat(new boolean[nc], toConst, new boolean[xs.size()]));
    List<Value> consts = Lists.concat(Lists.select(toConst, carry, true), fn.consts());
    List<Value> loopCarry = Lists.select(toConst, carry, false);
    List<Value> outs = new ScanPrimitive.Loop(jaxpr, length, reverse, consts.size(), loopCarry.size(), unroll)
        .bind(consts, loopCarry, xs);
    List<Value> result = Lists.merge(toConst, outs.subList(0, loopCarry.size()), Lists.select(toConst, carry, true));
    for (int j = 0, k = loopCarry.size(); j < nys; j++) {
      result.add(ysFromXs[j] >= 0 ? xs.get(ysFromXs[j]) : outs.get(k++));
    }
    return result;
  }

  /** JAX's {@code _infer_scan_length}, with its messages. */
  private static int inferLength(List<Value> xs, Integer length) {
    List<Integer> lengths = new ArrayList<>(xs.size());
    for (Value x : xs) {
      if (x.rank() == 0) {
        throw new IllegalArgumentException("scan got value with no leading axis to scan over: "
            + x + ".");
      }
      lengths.add(x.shape().dim(0));
    }
    if (length != null) {
      for (int l : lengths) {
        if (l != length) {
          throw new IllegalArgumentException("scan got `length` argument of " + length
              + " which disagrees with leading axis sizes " + lengths + ".");
        }
      }
      if (length < 0) {
        throw new IllegalArgumentException("scan got a negative `length` argument: " + length + ".");
      }
      return length;
    }
    if (lengths.isEmpty()) {
      throw new IllegalArgumentException("scan got no values to scan over and `length` not provided.");
    }
    if (lengths.stream().distinct().count() > 1) {
      List<String> sizes = new ArrayList<>();
      lengths.forEach(l -> sizes.add(Integer.toString(l)));
      throw new IllegalArgumentException("scan got values with different leading axis sizes: "
          + String.join(", ", sizes) + ".");
    }
    return lengths.get(0);
  }

  /** {@code unroll}: a non-negative int, or a bool (true unrolls all {@code length} iterations). */
  private static int unrollCount(Object unroll, int length) {
    if (unroll instanceof Boolean) {
      return (Boolean) unroll ? Math.max(length, 1) : 1;
    }
    if (unroll instanceof Integer) {
      if ((Integer) unroll < 0) {
        throw new IllegalArgumentException("`unroll` must be a `bool` or a non-negative `int`.");
      }
      return (Integer) unroll;
    }
    throw new IllegalArgumentException("The `unroll` argument to `scan` expects a concrete `int` or "
        + "`bool` value.");
  }

  /** The body traced on one carry type, its output split into the carry and the per-step output. */
  private record Body(TracedFunction fn, TreeDef carryTree, TreeDef ysTree) {
    static Body trace(TreeFunction f, TreeDef inTree, List<ShapedArray> carry, List<ShapedArray> xs) {
      TracedFunction fn = TracedFunction.trace(f, inTree, Lists.concat(carry, xs));
      List<Object> placeholders = new ArrayList<>(fn.outAvals().size());
      for (ShapedArray a : fn.outAvals()) {
        placeholders.add(TypeChecks.typeStr(a));
      }
      Object out = fn.outTree().unflatten(placeholders);
      List<?> pair = out instanceof Tuple ? ((Tuple) out).items() : out instanceof List ? (List<?>) out : null;
      if (pair == null || pair.size() != 2) {
        throw new ControlFlowTypeError("scan body output must be a pair, got " + out + ".");
      }
      return new Body(fn, Trees.structure(pair.get(0)), Trees.structure(pair.get(1)));
    }

    List<ShapedArray> carryOut() {
      return fn.outAvals().subList(0, carryTree.numLeaves());
    }
  }
}
