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
 * JAX's {@code while} primitive: operands {@code [*cond_consts, *body_consts, *init]}; while
 * {@code cond_jaxpr(*cond_consts, *carry)} (a bool scalar, or under a batched predicate a bool
 * array that is a prefix of every carry's shape) is true, {@code carry = body_jaxpr(*body_consts,
 * *carry)}. The carry keeps its types.
 */
final class WhilePrimitive extends Primitive implements ImplPrimitive {
  static final WhilePrimitive WHILE = new WhilePrimitive();

  private WhilePrimitive() {
    super("while");
  }

  /** The static parameters of one {@code while}. */
  record Loop(ClosedJaxpr condJaxpr, int condNconsts, ClosedJaxpr bodyJaxpr, int bodyNconsts) {
    static Loop of(Params p) {
      return new Loop((ClosedJaxpr) p.get("cond_jaxpr"), p.getInt("cond_nconsts"),
          (ClosedJaxpr) p.get("body_jaxpr"), p.getInt("body_nconsts"));
    }

    Params params() {
      return Params.of("cond_nconsts", condNconsts, "cond_jaxpr", condJaxpr,
          "body_nconsts", bodyNconsts, "body_jaxpr", bodyJaxpr);
    }

    List<Value> bind(List<? extends Value> condConsts, List<? extends Value> bodyConsts,
        List<? extends Value> init) {
      return Bind.bind(WHILE, params(), Lists.<Value>concat(condConsts, bodyConsts, init)
          .toArray(new Value[0]));
    }
  }

  @Override
  public List<ShapedArray> abstractEval(List<ShapedArray> in, Params params) {
    Loop loop = Loop.of(params);
    int nc = loop.condNconsts();
    int nb = loop.bodyNconsts();
    if (nc < 0 || nb < 0 || nc + nb > in.size()) {
      throw error("cond_nconsts=" + nc + " and body_nconsts=" + nb + " for " + in.size() + " operands");
    }
    List<ShapedArray> carry = in.subList(nc + nb, in.size());
    List<ShapedArray> condIn = Lists.concat(in.subList(0, nc), carry);
    List<ShapedArray> bodyIn = Lists.concat(in.subList(nc, nc + nb), carry);
    if (!TypeChecks.allMatch(loop.condJaxpr().inAvals(), condIn)) {
      throw error("cond_jaxpr takes " + TypeChecks.typesStr(loop.condJaxpr().inAvals())
          + ", called with " + TypeChecks.typesStr(condIn));
    }
    if (!TypeChecks.allMatch(loop.bodyJaxpr().inAvals(), bodyIn)) {
      throw error("body_jaxpr takes " + TypeChecks.typesStr(loop.bodyJaxpr().inAvals())
          + ", called with " + TypeChecks.typesStr(bodyIn));
    }
    if (!TypeChecks.allMatch(loop.bodyJaxpr().outAvals(), carry)) {
      throw error("body_jaxpr returns " + TypeChecks.typesStr(loop.bodyJaxpr().outAvals())
          + " for a carry of type " + TypeChecks.typesStr(carry));
    }
    List<ShapedArray> pred = loop.condJaxpr().outAvals();
    if (pred.size() != 1 || pred.get(0).dtype() != DType.BOOL) {
      throw error("cond_jaxpr must return one boolean, got " + TypeChecks.typesStr(pred));
    }
    return loop.bodyJaxpr().outAvals();
  }

  /**
   * Runs the loop. A predicate of rank r &gt; 0 (a batched predicate: the leading r dimensions of
   * every carry) runs the body while any element is true and keeps, by select, the old carry
   * wherever its element is false, as JAX's lowering of a batched {@code while} does.
   */
  @Override
  public List<Value> impl(List<Value> args, Params params) {
    Loop loop = Loop.of(params);
    int nc = loop.condNconsts();
    int nb = loop.bodyNconsts();
    List<Value> condConsts = args.subList(0, nc);
    List<Value> bodyConsts = args.subList(nc, nc + nb);
    List<Value> carry = args.subList(nc + nb, args.size());
    while (true) {
      Value pred = EvalJaxpr.eval(loop.condJaxpr(), Lists.concat(condConsts, carry)).get(0);
      if (!anyTrue(pred)) {
        return carry;
      }
      List<Value> next = EvalJaxpr.eval(loop.bodyJaxpr(), Lists.concat(bodyConsts, carry));
      carry = pred.rank() == 0 ? next : selectWhere(pred, next, carry);
    }
  }

  private static boolean anyTrue(Value pred) {
    boolean[] bits = ((Array) pred).rawBools();
    for (boolean b : bits) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  /** Per carry: {@code next} where {@code pred} (a prefix of its shape) holds, else {@code old}. */
  private static List<Value> selectWhere(Value pred, List<Value> next, List<Value> old) {
    List<Value> out = new java.util.ArrayList<>(next.size());
    for (int i = 0; i < next.size(); i++) {
      out.add(Selects.selectN(pred, old.get(i), next.get(i)));
    }
    return out;
  }
}
