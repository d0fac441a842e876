package dev.flaxj.transform.control;

import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import java.util.List;

/** {@code lax.while_loop}: staging of the condition and the body, carry checks, binding. */
final class WhileCall {
  private WhileCall() {}

  static Object whileLoop(TreeFunction condFun, TreeFunction bodyFun, Object initVal) {
    if (condFun == null || bodyFun == null) {
      throw new ControlFlowTypeError("lax.while_loop: body_fun and cond_fun arguments should be callable.");
    }
    Flattened init = Trees.flatten(initVal);
    TreeDef inTree = FlatFunction.flattenArgs(initVal).treedef();
    List<Value> carry = Leaves.values(init.leaves());
    Staged staged = Staged.trace(condFun, bodyFun, inTree, Leaves.avals(carry));
    if (staged.body().outAvals().size() != carry.size()) {
      TypeChecks.checkCarryType("while_loop body", init.treedef(), Leaves.avals(carry),
          staged.body().outTree(), staged.body().outAvals());
    }
    List<Value> promoted = Leaves.promoteWeakCarry(carry, staged.body().outAvals());
    if (promoted != null) {
      carry = promoted;
      staged = Staged.trace(condFun, bodyFun, inTree, Leaves.avals(carry));
    }
    TypeChecks.checkCarryType("while_loop body", init.treedef(), Leaves.avals(carry),
        staged.body().outTree(), staged.body().outAvals());
    return init.treedef().unflatten(bind(staged, carry));
  }

  /**
   * Binds {@code while}, as JAX does after one rewrite that changes no value: a carry the body
   * returns unchanged and the condition does not read becomes a body const.
   */
  private static List<Value> bind(Staged staged, List<Value> carry) {
    int nc = staged.cond().consts().size();
    int nb = staged.body().consts().size();
    int[] fwd = JaxprSurgery.forwarding(staged.body().jaxpr());
    boolean[] condUses = JaxprSurgery.usedInputs(staged.cond().jaxpr());
    boolean[] toConst = new boolean[carry.size()];
    for (int i = 0; i < toConst.length; i++) {
      toConst[i] = fwd[i] == nb + i && !condUses[nc + i];
    }
    ClosedJaxpr cond = JaxprSurgery.dropInputs(staged.cond().jaxpr(), Lists.concat(new boolean[nc], toConst));
    ClosedJaxpr body = JaxprSurgery.moveInputsToFront(
        JaxprSurgery.pruneOutputs(staged.body().jaxpr(), Lists.not(toConst)), Lists.concat(new boolean[nb], toConst));
    List<Value> moved = Lists.select(toConst, carry, true);
    List<Value> bodyConsts = Lists.concat(moved, staged.body().consts());
    List<Value> outs = new WhilePrimitive.Loop(cond, nc, body, bodyConsts.size())
        .bind(staged.cond().consts(), bodyConsts, Lists.select(toConst, carry, false));
    return Lists.merge(toConst, outs, moved);
  }

  /** The condition and the body traced on one carry type. */
  private record Staged(TracedFunction cond, TracedFunction body) {
    static Staged trace(TreeFunction condFun, TreeFunction bodyFun, TreeDef inTree, List<ShapedArray> avals) {
      TracedFunction cond = TracedFunction.trace(condFun, inTree, avals);
      TracedFunction body = TracedFunction.trace(bodyFun, inTree, avals);
      if (!cond.outTree().isLeaf() || cond.outAvals().size() != 1) {
        throw new ControlFlowTypeError("cond_fun must return a boolean scalar, but got pytree "
            + cond.outTree() + ".");
      }
      ShapedArray pred = cond.outAvals().get(0);
      if (pred.dtype() != DType.BOOL || pred.rank() != 0) {
        throw new ControlFlowTypeError("cond_fun must return a boolean scalar, but got output type(s) "
            + "[ShapedArray(" + TypeChecks.typeStr(pred) + (pred.weakType() ? ", weak_type=True" : "")
            + ")].");
      }
      return new Staged(cond, body);
    }
  }
}
