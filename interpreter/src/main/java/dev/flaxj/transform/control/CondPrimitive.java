package dev.flaxj.transform.control;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import java.util.List;

/**
 * JAX's {@code cond} primitive: {@code cond[branches](index, *operands)} runs branch
 * {@code index} (an int32 scalar) on the operands. Every branch takes the operands' types and
 * returns the same types. {@code lax.cond} binds it with branches {@code [false_fun, true_fun]};
 * {@code lax.switch} with its clamped index. As XLA's conditional, an index out of range (negative
 * included) runs the last branch.
 */
final class CondPrimitive extends Primitive implements ImplPrimitive {
  static final CondPrimitive COND = new CondPrimitive();

  private CondPrimitive() {
    super("cond");
  }

  static ClosedJaxpr[] branches(Params params) {
    return (ClosedJaxpr[]) params.get("branches");
  }

  static Params params(ClosedJaxpr[] branches) {
    return Params.of("branches", branches);
  }

  /** Binds {@code cond} to {@code index} then {@code operands}. */
  static List<Value> bind(Value index, List<? extends Value> operands, ClosedJaxpr[] branches) {
    Value[] args = new Value[operands.size() + 1];
    args[0] = index;
    for (int i = 0; i < operands.size(); i++) {
      args[i + 1] = operands.get(i);
    }
    return Bind.bind(COND, params(branches), args);
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    ClosedJaxpr[] branches = branches(params);
    if (branches.length == 0) {
      throw error("requires at least one branch function");
    }
    ClosedJaxpr first = branches[0];
    for (int i = 1; i < branches.length; i++) {
      if (!TypeChecks.allMatch(first.inAvals(), branches[i].inAvals())) {
        throw error("branches 0 and " + i + " have mismatching input types: "
            + TypeChecks.typesStr(first.inAvals()) + " vs " + TypeChecks.typesStr(branches[i].inAvals()));
      }
      if (!TypeChecks.allMatch(first.outAvals(), branches[i].outAvals())) {
        throw error("branches 0 and " + i + " have mismatching output types: "
            + TypeChecks.typesStr(first.outAvals()) + " vs " + TypeChecks.typesStr(branches[i].outAvals()));
      }
    }
    if (in.isEmpty()) {
      throw error("called without an index operand");
    }
    ShapedArray index = in.get(0);
    if (index.dtype() != DType.INT32 || index.rank() != 0) {
      throw error("called with index of type " + TypeChecks.typeStr(index) + " instead of int32[]");
    }
    List<ShapedArray> ops = in.subList(1, in.size());
    if (ops.size() != first.inAvals().size()) {
      throw error("called with " + ops.size() + " non-predicate operands, but branches take "
          + first.inAvals().size() + " inputs");
    }
    if (!TypeChecks.allMatch(first.inAvals(), ops)) {
      throw error("branches take input types " + TypeChecks.typesStr(first.inAvals())
          + ", called with operands of type " + TypeChecks.typesStr(ops));
    }
    return first.outAvals();
  }

  @Override
  public List<Value> impl(List<Value> args, Params params) {
    ClosedJaxpr[] branches = branches(params);
    int index = (int) ((Array) args.get(0)).getLong(0);
    int chosen = index < 0 || index >= branches.length ? branches.length - 1 : index;
    return EvalJaxpr.eval(branches[chosen], args.subList(1, args.size()));
  }
}
