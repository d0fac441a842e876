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
import dev.flaxj.transform.staging.SourceInfo;
import dev.flaxj.transform.staging.Staging;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

    /** Whether this residual is one of the function's arguments (kept by the caller anyway). */
    public boolean isArgument() {
      return source.startsWith(ARGUMENT);
    }

    /** As {@code print_saved_residuals} prints it: {@code f32[3] output of sin}. */
    @Override
    public String toString() {
      return aval.withDType(aval.dtype(), false).str() + " " + source;
    }
  }

  private static final String ARGUMENT = "from the argument ";

  public SavedResiduals {
    residuals = List.copyOf(residuals);
  }

  /** The residuals of {@code vjp(f, *args)}; arguments are pytrees of arrays or Java numbers. */
  public static SavedResiduals of(TreeFunction f, Object... args) {
    return withPositions(f, null, null, args);
  }

  /**
   * The residuals of {@code vjp(f, *args)} in JAX's full words: argument leaves named by
   * {@code argNames} (in flattened order, e.g. {@code x}, {@code d['a']}; null for their
   * indices), and equation outputs followed by {@code " from "} and what {@code where} answered
   * when the equation was staged (the user's source position; null to leave positions out;
   * equations staged again by a transformation, such as a checkpointed body, have none).
   */
  public static SavedResiduals withPositions(TreeFunction f, List<String> argNames,
      Supplier<String> where, Object... args) {
    Flattened flat = Trees.flatten(Tuple.of(args));
    List<ShapedArray> avals = new ArrayList<>();
    for (Object leaf : flat.leaves()) {
      avals.add(FlatFunction.asValue(leaf).aval());
    }
    FlatFunction fn = new FlatFunction(f, flat.treedef());
    Supplier<ClosedJaxpr> stage =
        () -> Staging.traceToJaxpr(primals -> linearResiduals(fn, primals), avals);
    Map<Var, String> sources = where == null ? null : new IdentityHashMap<>();
    ClosedJaxpr staged = where == null ? stage.get() : SourceInfo.recording(where, sources, stage);
    return new SavedResiduals(describe(staged.jaxpr(), argNames, sources));
  }

  public int count() {
    return residuals.size();
  }

  public long totalBytes() {
    return residuals.stream().mapToLong(Residual::bytes).sum();
  }

  /**
   * The bytes of the residuals computed by the forward pass, arguments left out: the memory that
   * saving residuals adds to what the caller already holds (what rematerialisation can save).
   */
  public long computedBytes() {
    return residuals.stream().filter(r -> !r.isArgument()).mapToLong(Residual::bytes).sum();
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
  private static List<Residual> describe(Jaxpr jaxpr, List<String> argNames,
      Map<Var, String> sources) {
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
        out.add(new Residual(v.aval(), ARGUMENT
            + (argNames == null ? "at flattened index " + i : argNames.get(i))));
      }
    }
    for (JaxprEqn eqn : jaxpr.eqns()) {
      for (Var v : eqn.outvars()) {
        if (outputs.containsKey(v)) {
          // an equation staged again by a transformation (a checkpointed body) has no position
          out.add(new Residual(v.aval(), sources == null || !sources.containsKey(v)
              ? producer(eqn) : producer(eqn) + " from " + sources.get(v)));
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
