package dev.flaxj.transform.control;

import dev.flaxj.array.Array;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Lax;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import java.util.ArrayList;
import java.util.List;

/**
 * JAX's {@code scan} primitive: operands {@code [*consts, *init, *xs]}; for each index of the
 * leading axis of the {@code xs} (in reverse when {@code reverse}), {@code jaxpr(*consts,
 * *carry, *x) = (*carry, *y)}; the results are the final carry and the {@code y}s stacked along
 * a new leading axis of size {@code length}. {@code unroll} only says how a compiled loop is
 * unrolled; it does not change results.
 */
final class ScanPrimitive extends Primitive implements ImplPrimitive {
  static final ScanPrimitive SCAN = new ScanPrimitive();

  private ScanPrimitive() {
    super("scan");
  }

  /** The static parameters of one {@code scan}. */
  record Loop(ClosedJaxpr jaxpr, int length, boolean reverse, int numConsts, int numCarry, int unroll) {
    static Loop of(Params p) {
      return new Loop((ClosedJaxpr) p.get("jaxpr"), p.getInt("length"), p.getBoolean("reverse"),
          p.getInt("num_consts"), p.getInt("num_carry"), p.getInt("unroll"));
    }

    Params params() {
      return Params.of("reverse", reverse, "length", length, "jaxpr", jaxpr,
          "num_consts", numConsts, "num_carry", numCarry, "unroll", unroll);
    }

    int numXs() {
      return jaxpr.inAvals().size() - numConsts - numCarry;
    }

    int numYs() {
      return jaxpr.outAvals().size() - numCarry;
    }

    /** The same loop over another body with other counts of consts and carries. */
    Loop with(ClosedJaxpr newJaxpr, int newNumConsts, int newNumCarry) {
      return new Loop(newJaxpr, length, reverse, newNumConsts, newNumCarry, unroll);
    }

    List<Value> bind(List<? extends Value> consts, List<? extends Value> init, List<? extends Value> xs) {
      return Bind.bind(SCAN, params(), Lists.<Value>concat(consts, init, xs).toArray(new Value[0]));
    }
  }

  /** {@code aval} with a leading axis of {@code length} (JAX's {@code unmapped_leading_aval}). */
  static ShapedArray stacked(int length, ShapedArray aval) {
    int[] dims = aval.shape().dims();
    int[] out = new int[dims.length + 1];
    out[0] = length;
    System.arraycopy(dims, 0, out, 1, dims.length);
    return aval.withShape(Shape.of(out));
  }

  /** {@code aval} without its leading axis (JAX's {@code mapped_leading_aval}). */
  static ShapedArray unstacked(ShapedArray aval) {
    int[] dims = aval.shape().dims();
    return aval.withShape(Shape.of(java.util.Arrays.copyOfRange(dims, 1, dims.length)));
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    Loop loop = Loop.of(params);
    List<ShapedArray> bodyIn = loop.jaxpr().inAvals();
    List<ShapedArray> bodyOut = loop.jaxpr().outAvals();
    int nc = loop.numConsts();
    int ncarry = loop.numCarry();
    if (loop.length() < 0 || nc < 0 || ncarry < 0 || loop.unroll() < 0) {
      throw error("length, num_consts, num_carry and unroll must be non-negative, got "
          + loop.length() + ", " + nc + ", " + ncarry + ", " + loop.unroll());
    }
    if (in.size() != bodyIn.size() || nc + ncarry > in.size() || ncarry > bodyOut.size()) {
      throw error("the body takes " + bodyIn.size() + " arguments and returns " + bodyOut.size()
          + ", called with " + in.size() + " operands, num_consts=" + nc + " num_carry=" + ncarry);
    }
    List<ShapedArray> carryIn = bodyIn.subList(nc, nc + ncarry);
    List<ShapedArray> carryOut = bodyOut.subList(0, ncarry);
    if (!TypeChecks.allMatch(carryIn, carryOut)) {
      throw error("input carry and output types mismatch: " + TypeChecks.typesStr(carryIn)
          + " vs " + TypeChecks.typesStr(carryOut));
    }
    if (!TypeChecks.allMatch(bodyIn.subList(0, nc + ncarry), in.subList(0, nc + ncarry))) {
      throw error("the body takes consts and carry of types "
          + TypeChecks.typesStr(bodyIn.subList(0, nc + ncarry)) + ", called with "
          + TypeChecks.typesStr(in.subList(0, nc + ncarry)));
    }
    for (int i = nc + ncarry; i < in.size(); i++) {
      ShapedArray x = in.get(i);
      if (x.rank() == 0 || x.shape().dim(0) != loop.length()
          || !TypeChecks.typeMatch(unstacked(x), bodyIn.get(i))) {
        throw error("the body takes a sequence item of type " + TypeChecks.typeStr(bodyIn.get(i))
            + ", called with a sequence of type " + TypeChecks.typeStr(x) + " and length=" + loop.length());
      }
    }
    List<ShapedArray> out = new ArrayList<>(carryOut);
    for (ShapedArray y : bodyOut.subList(ncarry, bodyOut.size())) {
      out.add(stacked(loop.length(), y));
    }
    return out;
  }

  @Override
  public List<Value> impl(List<Value> args, Params params) {
    Loop loop = Loop.of(params);
    int nc = loop.numConsts();
    int ncarry = loop.numCarry();
    int numYs = loop.numYs();
    List<Value> consts = args.subList(0, nc);
    List<Value> carry = args.subList(nc, nc + ncarry);
    List<Value> xs = args.subList(nc + ncarry, args.size());
    Value[][] ys = new Value[numYs][loop.length()];
    for (int step = 0; step < loop.length(); step++) {
      int i = loop.reverse() ? loop.length() - 1 - step : step;
      List<Value> x = new ArrayList<>(xs.size());
      for (Value seq : xs) {
        x.add(indexLeading(seq, i));
      }
      List<Value> outs = EvalJaxpr.eval(loop.jaxpr(), Lists.concat(consts, carry, x));
      carry = outs.subList(0, ncarry);
      for (int j = 0; j < numYs; j++) {
        ys[j][i] = Lax.expandDims(outs.get(ncarry + j), 0);
      }
    }
    List<Value> result = new ArrayList<>(carry);
    List<ShapedArray> yAvals = loop.jaxpr().outAvals().subList(ncarry, ncarry + numYs);
    for (int j = 0; j < numYs; j++) {
      result.add(loop.length() == 0 ? empty(stacked(0, yAvals.get(j))) : Lax.concatenate(0, ys[j]));
    }
    return result;
  }

  /** {@code x[i]} along the leading axis. */
  static Value indexLeading(Value x, int i) {
    int[] start = new int[x.rank()];
    int[] limit = x.shape().dims();
    start[0] = i;
    limit[0] = i + 1;
    return Lax.squeeze(Lax.slice(x, start, limit), 0);
  }

  private static Array empty(ShapedArray aval) {
    return Array.wrap(aval, Array.allocate(aval));
  }
}
