package dev.flaxj.transform.custom;

import dev.flaxj.array.Value;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.transform.partial.BackwardPass;
import dev.flaxj.transform.partial.PartialEval;
import dev.flaxj.transform.partial.PartialVal;
import dev.flaxj.transform.partial.UndefinedPrimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Transposition of a body that is linear in some of its inputs (JAX's {@code transpose_jaxpr}):
 * the body is first partially evaluated with the known inputs known, so that equations mixing
 * known and linear work (a nested checkpoint, say) are split and their non-linear part computed;
 * then the linear program that remains is transposed.
 */
public final class LinearBody {
  private LinearBody() {}

  /**
   * One entry per input: the cotangent of each {@link UndefinedPrimal} (possibly a Zero), null
   * for known inputs. Cotangents of outputs that turn out to be known are dropped.
   */
  public static List<Value> transpose(Jaxpr body, List<Object> args, List<Value> cts) {
    List<PartialVal> pvals = new ArrayList<>(args.size());
    for (Object a : args) {
      pvals.add(a instanceof UndefinedPrimal u ? PartialVal.unknown(u.aval())
          : PartialVal.known((Value) a));
    }
    PartialEval.Result r =
        PartialEval.partialEvalFlat(xs -> EvalJaxpr.eval(body, List.of(), xs), pvals, null);
    List<Value> unknownCts = new ArrayList<>();
    for (int i = 0; i < cts.size(); i++) {
      if (!r.outputs().get(i).isKnown()) {
        unknownCts.add(cts.get(i));
      }
    }
    List<Object> linear = new ArrayList<>();
    r.jaxpr().jaxpr().invars().forEach(v -> linear.add(new UndefinedPrimal(v.aval())));
    List<Value> inCts = BackwardPass.transpose(r.jaxpr(), linear, unknownCts);
    List<Value> out = new ArrayList<>(args.size());
    int next = 0;
    for (Object a : args) {
      if (a instanceof UndefinedPrimal u) {
        Value ct = inCts.get(next++);
        out.add(ct == null ? Zero.of(u.aval()) : ct);
      } else {
        out.add(null);
      }
    }
    return out;
  }
}
