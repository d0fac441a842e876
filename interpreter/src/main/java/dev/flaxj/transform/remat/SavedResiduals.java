package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Literal;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.partial.Linearization;
import dev.flaxj.transform.staging.Pjit;
import dev.flaxj.transform.staging.Staging;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The residuals reverse mode saves for {@code vjp(f, *args)} (JAX's
 * {@code jax.ad_checkpoint.saved_residuals} and {@code print_saved_residuals}): the values the
 * linearized function keeps from the forward pass for the backward pass, each with its type and
 * where it comes from. {@code f} is linearized ({@link Linearization}, as
 * {@link dev.flaxj.transform.partial.Vjp} does) while being staged, so that each residual can be
 * traced to the argument or the equation that produced it.
 */
public record SavedResiduals(List<Residual> residuals) {
  /** One saved value: its type, and its source in JAX's words. */
  public record Residual(ShapedArray aval, String source) {
    public long bytes() {
      return (long) aval.shape().size() * aval.dtype().itemSize();
    }

    /** As {@code print_saved_residuals} prints it: {@code f32[3] output of sin}. */
    @Override
    public String toString() {
      return aval.withDType(aval.dtype(), false).str() + " " + source;
    }
  }

  public SavedResiduals {
    residuals = List.copyOf(residuals);
  }

  /** The residuals of {@code vjp(f, *args)}; arguments are pytrees of arrays or Java numbers. */
  public static SavedResiduals of(TreeFunction f, Object... args) {
    Flattened flat = Trees.flatten(Tuple.of(args));
    List<ShapedArray> avals = new ArrayList<>();
    for (Object leaf : flat.leaves()) {
      avals.add(FlatFunction.asValue(leaf).aval());
    }
    FlatFunction fn = new FlatFunction(f, flat.treedef());
    ClosedJaxpr staged = Staging.traceToJaxpr(primals -> linearResiduals(fn, primals), avals);
    return new SavedResiduals(describe(staged.jaxpr()));
  }

  public int count() {
    return residuals.size();
  }

  public long totalBytes() {
    return residuals.stream().mapToLong(Residual::bytes).sum();
  }

  /** One line per residual, as {@code print_saved_residuals} prints them. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    residuals.forEach(r -> sb.append(r).append('\n'));
    return sb.toString();
  }

  /** The constants of the linear program of {@code f} at {@code primals}: its residuals. */
  private static List<Value> linearResiduals(FlatFunction f, List<Value> primals) {
    return Linearization.of(f::call, primals, () -> f.outTree().numLeaves()).residuals();
  }

  /** JAX's {@code _saved_residuals}: literals, constants, arguments, then equation outputs. */
  private static List<Residual> describe(Jaxpr jaxpr) {
    Map<Var, Integer> outputs = new IdentityHashMap<>();
    List<Residual> out = new ArrayList<>();
    for (Atom a : jaxpr.outvars()) {
      if (a instanceof Literal) {
        out.add(new Residual(a.aval(), "from a literal"));
      } else {
        outputs.put((Var) a, outputs.size());
      }
    }
    for (Var v : jaxpr.constvars()) {
      if (outputs.containsKey(v)) {
        out.add(new Residual(v.aval(), "from a constant"));
      }
    }
    for (int i = 0; i < jaxpr.invars().size(); i++) {
      Var v = jaxpr.invars().get(i);
      if (outputs.containsKey(v)) {
        out.add(new Residual(v.aval(), "from the argument at flattened index " + i));
      }
    }
    for (JaxprEqn eqn : jaxpr.eqns()) {
      for (Var v : eqn.outvars()) {
        if (outputs.containsKey(v)) {
          out.add(new Residual(v.aval(), producer(eqn)));
        }
      }
    }
    return out;
  }

  private static String producer(JaxprEqn eqn) {
    if (eqn.primitive() == NamePrimitive.NAME) {
      return "named '" + eqn.params().getString("name") + "'";
    }
    if (eqn.primitive() == Pjit.PJIT) {
      return "output of jitted function '" + Pjit.name(eqn.params()) + "'";
    }
    return "output of " + eqn.primitive().name();
  }
}
