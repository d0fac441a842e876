package dev.flaxj.transform.control;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.staging.Staging;
import dev.flaxj.tree.TreeDef;
import java.util.List;

/**
 * A user function staged to a jaxpr for a control-flow primitive (JAX's {@code trace_to_jaxpr}
 * then {@code separate_consts}): the values it closes over (arrays, or tracers of enclosing
 * transformations) are taken out as {@link #consts()} and become the jaxpr's leading inputs, so
 * that they reach the primitive as operands and every transformation sees them.
 */
record TracedFunction(ClosedJaxpr jaxpr, List<Value> consts, TreeDef outTree) {
  static TracedFunction trace(TreeFunction fn, TreeDef inTree, List<ShapedArray> inAvals) {
    FlatFunction flat = new FlatFunction(fn, inTree);
    ClosedJaxpr closed = Staging.traceToJaxpr(flat, inAvals);
    return new TracedFunction(Staging.constsAsInputs(closed), closed.consts(), flat.outTree());
  }

  List<ShapedArray> outAvals() {
    return jaxpr.outAvals();
  }
}
