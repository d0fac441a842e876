package dev.flaxj.transform.jvp;

import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TraceStack;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Forward-mode differentiation, as {@code jax.jvp} and {@code jax.jacfwd}. Each call pushes a
 * fresh JVP main trace, so nested differentiation keeps its perturbations apart.
 */
public final class Jvp {
  private Jvp() {}

  /** {@code jax.jvp(f, primals, tangents)}: positional arguments as pytrees. */
  public static JvpOutput jvp(TreeFunction f, Object[] primals, Object[] tangents) {
    return jvp(f, primals, tangents, false);
  }

  /**
   * {@code jax.jvp(f, primals, tangents, has_aux)}. The tangents must have the primals' tree
   * structure, shapes and dtypes; the tangent of an integer or bool primal is a {@link Zero}
   * (JAX's float0). With {@code hasAux}, {@code f} returns a pair {@code (output, aux)}.
   */
  public static JvpOutput jvp(TreeFunction f, Object[] primals, Object[] tangents,
      boolean hasAux) {
    Flattened ps = Trees.flatten(Tuple.of(primals));
    Flattened ts = Trees.flatten(Tuple.of(tangents));
    if (!ps.treedef().equals(ts.treedef())) {
      throw new JaxTypeError("primal and tangent arguments to jax.jvp must have the "
          + "same tree structure; primals have tree structure " + ps.treedef()
          + " whereas tangents have tree structure " + ts.treedef() + ".");
    }
    List<Value> pv = new ArrayList<>();
    List<Value> tv = new ArrayList<>();
    for (int i = 0; i < ps.leaves().size(); i++) {
      Value p = FlatFunction.asValue(ps.leaves().get(i));
      Value t = FlatFunction.asValue(ts.leaves().get(i));
      checkTangent(p, t);
      pv.add(p);
      tv.add(t);
    }
    TreeCall call = new TreeCall(f, ps.treedef(), hasAux);
    JvpResult r = jvpFlat(pv, tv, call);
    List<Value> tangentsOut = new ArrayList<>();
    for (Value t : r.tangentsOut()) {
      tangentsOut.add(Zero.isNonDifferentiable(t.dtype()) ? t : Tangents.instantiate(t));
    }
    return new JvpOutput(call.outTree().unflatten(r.primalsOut()),
        call.outTree().unflatten(tangentsOut), call.aux());
  }

  /**
   * Forward mode on flat value lists (JAX's {@code ad.jvp} on a flattened function), for other
   * transformations. Tangents may be symbolic {@link Zero}s, and output tangents are left
   * symbolic where they are zero (see {@link Tangents#instantiate}).
   */
  public static JvpResult jvpFlat(List<? extends Value> primals, List<? extends Value> tangents,
      FlatFunction f) {
    return jvpFlat(primals, tangents, f::call);
  }

  /** As {@link #jvpFlat(List, List, FlatFunction)} for any function of flat value lists. */
  public static JvpResult jvpFlat(List<? extends Value> primals, List<? extends Value> tangents,
      Function<List<Value>, List<Value>> f) {
    if (primals.size() != tangents.size()) {
      throw new IllegalArgumentException("jvp: " + primals.size() + " primals but "
          + tangents.size() + " tangents");
    }
    try (TraceStack.Entry entry = TraceStack.push(JvpTrace::new, null)) {
      JvpTrace trace = (JvpTrace) entry.main().trace();
      List<Value> in = new ArrayList<>(primals.size());
      for (int i = 0; i < primals.size(); i++) {
        in.add(trace.tracer(primals.get(i), tangents.get(i)));
      }
      List<Value> outs = f.apply(in);
      List<Value> primalsOut = new ArrayList<>(outs.size());
      List<Value> tangentsOut = new ArrayList<>(outs.size());
      for (Value out : outs) {
        JvpTracer t = (JvpTracer) TraceStack.fullRaise(trace, out);
        primalsOut.add(t.primal());
        tangentsOut.add(t.tangent());
      }
      return new JvpResult(primalsOut, tangentsOut);
    }
  }

  /** {@code jax.jacfwd(f)}: the Jacobian with respect to the first argument. */
  public static TreeFunction jacfwd(TreeFunction f) {
    return jacfwd(f, 0, false);
  }

  /** {@code jax.jacfwd(f, argnums=argnum)}. */
  public static TreeFunction jacfwd(TreeFunction f, int argnum) {
    return jacfwd(f, argnum, false);
  }

  /**
   * {@code jax.jacfwd(f, argnums=argnum, has_aux=hasAux)}: each output leaf becomes a pytree
   * of the argument's structure whose leaves have shape {@code out.shape + in.shape}. With
   * {@code hasAux} the function returns {@code (jacobian, aux)} as a {@link Tuple}.
   */
  public static TreeFunction jacfwd(TreeFunction f, int argnum, boolean hasAux) {
    return Jacfwd.of(f, new int[] {argnum}, true, hasAux);
  }

  /** {@code jax.jacfwd(f, argnums=(...))}: each output leaf becomes a tuple over the arguments. */
  public static TreeFunction jacfwd(TreeFunction f, int[] argnums) {
    return jacfwd(f, argnums, false);
  }

  /** {@code jax.jacfwd(f, argnums=(...), has_aux=hasAux)}. */
  public static TreeFunction jacfwd(TreeFunction f, int[] argnums, boolean hasAux) {
    return Jacfwd.of(f, argnums.clone(), false, hasAux);
  }

  /** JAX's name of the float0 dtype, the tangent dtype of integer, bool and key primals. */
  private static final String FLOAT0 = "[('float0', 'V')]";

  /**
   * JAX's checks of one (primal, tangent) leaf pair, with its messages. A float primal's tangent
   * has its dtype; any other primal's tangent is float0, here a {@link Zero} of a non-float type.
   */
  private static void checkTangent(Value p, Value t) {
    String expected = p.dtype().isFloating() ? p.dtype().toString() : FLOAT0;
    String actual = Zero.is(t) && !t.dtype().isFloating() ? FLOAT0 : t.dtype().toString();
    if (!expected.equals(actual)) {
      throw new JaxTypeError("primal and tangent arguments to jax.jvp do not match; "
          + "dtypes must be equal, or in case of int/bool primal dtype the tangent dtype must be "
          + "float0.Got primal dtype " + p.dtype() + " and so expected tangent dtype " + expected
          + ", but got tangent dtype " + actual + " instead.");
    }
    if (!p.shape().equals(t.shape())) {
      throw new IllegalArgumentException("jvp called with different primal and tangent shapes;"
          + "Got primal shape " + p.shape() + " and tangent shape as " + t.shape());
    }
  }
}
