package dev.flaxj.transform.control;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.tree.Flattened;
import java.util.ArrayList;
import java.util.List;

/** {@code lax.cond} and {@code lax.switch}: argument checks, staging of the branches, binding. */
final class CondCall {
  private CondCall() {}

  static Object cond(Object pred, TreeFunction trueFun, TreeFunction falseFun, Object... operands) {
    if (trueFun == null || falseFun == null) {
      throw new ControlFlowTypeError("lax.cond: true_fun and false_fun arguments should be callable.");
    }
    if (pred == null) {
      throw new ControlFlowTypeError("cond predicate is None");
    }
    Value p = FlatFunction.asValue(pred);
    if (p.rank() != 0) {
      throw new ControlFlowTypeError("Pred must be a scalar, got " + Leaves.pyRepr(pred) + " of shape "
          + Leaves.pyShape(p) + ".");
    }
    if (p.dtype() != DType.BOOL) {
      if (!p.dtype().isInteger() && !p.dtype().isFloating()) {
        throw new ControlFlowTypeError("Pred type must be either boolean or number, got "
            + p.dtype().jaxName() + ".");
      }
      p = Jnp.notEqual(p, 0);
    }
    return stage(Lax.convertElementType(p, DType.INT32), List.of(falseFun, trueFun),
        List.of("false_fun", "true_fun"), 1, "cond", operands);
  }

  static Object switchCase(Object index, List<? extends TreeFunction> branches, Object... operands) {
    if (branches == null || branches.stream().anyMatch(b -> b == null)) {
      throw new ControlFlowTypeError("lax.switch: branches argument should be a sequence of callables.");
    }
    Value i = FlatFunction.asValue(index);
    if (i.rank() != 0) {
      throw new ControlFlowTypeError("Branch index must be scalar, got " + Leaves.pyRepr(index) + " of shape "
          + Leaves.pyShape(i) + ".");
    }
    if (!i.dtype().isInteger()) {
      throw new ControlFlowTypeError("Index type must be an integer, got " + Leaves.pyRepr(index) + " as "
          + i.dtype().jaxName());
    }
    if (branches.isEmpty()) {
      throw new IllegalArgumentException("Empty branch sequence");
    }
    if (branches.size() == 1) {
      return branches.get(0).apply(operands);
    }
    Value clamped = Lax.clamp(Array.scalar(0), Lax.convertElementType(i, DType.INT32),
        Array.scalar(branches.size() - 1));
    // JAX names the branches "branch 0", "branch1", "branch2"... (sic) in its messages.
    List<String> names = new ArrayList<>();
    for (int b = 0; b < branches.size(); b++) {
      names.add(b == 0 ? "branch 0" : "branch" + b);
    }
    return stage(clamped, branches, names, 0, "switch", operands);
  }

  /**
   * Traces every branch on the operands' types, checks their outputs against branch
   * {@code reference} ({@code true_fun} for cond, branch 0 for switch) and binds {@code cond}.
   */
  private static Object stage(Value index, List<? extends TreeFunction> branches, List<String> names,
      int reference, String api, Object... operands) {
    Flattened args = FlatFunction.flattenArgs(operands);
    List<Value> ops = Leaves.values(args.leaves());
    List<ShapedArray> avals = Leaves.avals(ops);
    // JAX traces true_fun before false_fun: the reference branch first, then the others in order.
    TracedFunction ref = TracedFunction.trace(branches.get(reference), args.treedef(), avals);
    List<TracedFunction> traced = new ArrayList<>(branches.size());
    for (int b = 0; b < branches.size(); b++) {
      traced.add(b == reference ? ref : TracedFunction.trace(branches.get(b), args.treedef(), avals));
    }
    for (int b = 0; b < traced.size(); b++) {
      if (b != reference) {
        TracedFunction other = traced.get(b);
        TypeChecks.checkBranchOutputs(api, names.get(reference), names.get(b), ref.outTree(),
            ref.outAvals(), other.outTree(), other.outAvals());
      }
    }
    List<ClosedJaxpr> jaxprs = new ArrayList<>();
    List<List<Value>> consts = new ArrayList<>();
    for (TracedFunction t : traced) {
      jaxprs.add(t.jaxpr());
      consts.add(t.consts());
    }
    JaxprSurgery.Merged merged = JaxprSurgery.mergeConsts(jaxprs, consts);
    // Outputs that every branch forwards from the same input are not computed by cond (JAX
    // prunes these passthrough outputs); they are that input.
    int[] fwd = JaxprSurgery.forwarding(merged.jaxprs().get(0));
    for (ClosedJaxpr j : merged.jaxprs()) {
      int[] other = JaxprSurgery.forwarding(j);
      for (int k = 0; k < fwd.length; k++) {
        fwd[k] = fwd[k] == other[k] ? fwd[k] : -1;
      }
    }
    boolean[] computed = new boolean[fwd.length];
    for (int k = 0; k < fwd.length; k++) {
      computed[k] = fwd[k] < 0;
    }
    ClosedJaxpr[] pruned = new ClosedJaxpr[merged.jaxprs().size()];
    for (int b = 0; b < pruned.length; b++) {
      pruned[b] = JaxprSurgery.pruneOutputs(merged.jaxprs().get(b), computed);
    }
    List<Value> inputs = Lists.concat(merged.consts(), ops);
    List<Value> outs = CondPrimitive.bind(index, inputs, pruned);
    List<Value> all = new ArrayList<>(fwd.length);
    for (int k = 0, c = 0; k < fwd.length; k++) {
      all.add(computed[k] ? outs.get(c++) : inputs.get(fwd[k]));
    }
    return ref.outTree().unflatten(all);
  }
}
