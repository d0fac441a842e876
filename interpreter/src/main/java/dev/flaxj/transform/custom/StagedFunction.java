package dev.flaxj.transform.custom;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.staging.Staging;
import dev.flaxj.tree.TreeDef;
import java.util.ArrayList;
import java.util.List;

/**
 * A user function staged to a jaxpr for a higher-order primitive (JAX's "initial style"): the
 * values it closes over (arrays, or tracers of enclosing transformations) are taken out as
 * {@link #consts()} and become the jaxpr's leading inputs, so that they reach the primitive as
 * operands and every transformation sees them.
 */
public record StagedFunction(Jaxpr jaxpr, List<Value> consts, TreeDef outTree) {
  /** Stages {@code fn}, called with arguments of structure {@code inTree} and types {@code inAvals}. */
  public static StagedFunction trace(TreeFunction fn, TreeDef inTree, List<ShapedArray> inAvals) {
    FlatFunction flat = new FlatFunction(fn, inTree);
    ClosedJaxpr closed = Staging.traceToJaxpr(flat, inAvals);
    return new StagedFunction(Staging.constsAsInputs(closed).jaxpr(), closed.consts(), flat.outTree());
  }

  /** The consts followed by {@code args}: the operands of a primitive calling this jaxpr. */
  public Value[] operands(List<? extends Value> args) {
    return Lists.concat(consts, args).toArray(new Value[0]);
  }

  public List<ShapedArray> outAvals() {
    List<ShapedArray> out = new ArrayList<>();
    jaxpr.outvars().forEach(a -> out.add(a.aval()));
    return out;
  }
}
