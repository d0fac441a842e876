package dev.flaxj.transform;

import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.custom.CustomJvp;
import dev.flaxj.transform.custom.CustomVjp;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.partial.Hessian;
import dev.flaxj.transform.partial.Jacrev;
import dev.flaxj.transform.partial.Linearize;
import dev.flaxj.transform.partial.LinearizeOutput;
import dev.flaxj.transform.partial.StopGradient;
import dev.flaxj.transform.partial.Vjp;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.transform.remat.Checkpoint;
import dev.flaxj.transform.staging.EvalShape;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.Jitted;
import dev.flaxj.transform.staging.MakeJaxpr;

/**
 * The JAX transformations in one place, named as in {@code jax}: each method hands over to the
 * transformation's own package, where its options (JAX's keyword arguments) are builder methods
 * on the returned object. Control flow is in {@link dev.flaxj.transform.control.ControlFlow}.
 */
public final class Jax {
  private Jax() {}

  public static Jitted jit(TreeFunction f) {
    return Jit.jit(f);
  }

  /** {@code vmap(f)} with {@code in_axes=0, out_axes=0}; see {@link Vmap} for the others. */
  public static Vmap vmap(TreeFunction f) {
    return Vmap.vmap(f);
  }

  public static Vmap vmap(TreeFunction f, Object inAxes, Object outAxes) {
    return Vmap.vmap(f, inAxes, outAxes);
  }

  public static Grad grad(TreeFunction f) {
    return Grad.grad(f);
  }

  public static Grad valueAndGrad(TreeFunction f) {
    return Grad.valueAndGrad(f);
  }

  public static JvpOutput jvp(TreeFunction f, Object[] primals, Object[] tangents) {
    return Jvp.jvp(f, primals, tangents);
  }

  public static VjpOutput vjp(TreeFunction f, Object... primals) {
    return Vjp.vjp(f, primals);
  }

  public static LinearizeOutput linearize(TreeFunction f, Object... primals) {
    return Linearize.linearize(f, primals);
  }

  public static TreeFunction jacfwd(TreeFunction f) {
    return Jvp.jacfwd(f);
  }

  public static Jacrev jacrev(TreeFunction f) {
    return Jacrev.jacrev(f);
  }

  public static Hessian hessian(TreeFunction f) {
    return Hessian.hessian(f);
  }

  public static Checkpoint checkpoint(TreeFunction f) {
    return Checkpoint.checkpoint(f);
  }

  public static Checkpoint remat(TreeFunction f) {
    return Checkpoint.remat(f);
  }

  public static CustomJvp customJvp(TreeFunction f, int... nondiffArgnums) {
    return new CustomJvp(f, nondiffArgnums);
  }

  public static CustomVjp customVjp(TreeFunction f, int... nondiffArgnums) {
    return new CustomVjp(f, nondiffArgnums);
  }

  public static Object stopGradient(Object tree) {
    return StopGradient.stopGradient(tree);
  }

  public static MakeJaxpr makeJaxpr(TreeFunction f) {
    return MakeJaxpr.makeJaxpr(f);
  }

  public static Object evalShape(TreeFunction f, Object... args) {
    return EvalShape.evalShape(f, args);
  }
}
