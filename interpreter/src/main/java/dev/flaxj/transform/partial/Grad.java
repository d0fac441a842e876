package dev.flaxj.transform.partial;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;

/**
 * {@code jax.grad} and {@code jax.value_and_grad} of a scalar function: reverse mode with a
 * cotangent of one. JAX's keyword arguments are builder methods: {@code Grad.grad(f).argnums(0,
 * 1).hasAux(true).apply(x, y)}. The gradient has the differentiated argument's structure (a
 * tuple of them for several argnums); {@code grad} returns it ({@code (grad, aux)} with
 * {@code hasAux}), {@code valueAndGrad} returns {@code (value, grad)} ({@code ((value, aux),
 * grad)} with {@code hasAux}).
 */
public final class Grad implements TreeFunction {
  private final TreeFunction f;
  private final Argnums argnums;
  private final boolean hasAux;
  private final boolean allowInt;
  private final boolean withValue;

  private Grad(TreeFunction f, Argnums argnums, boolean hasAux, boolean allowInt,
      boolean withValue) {
    this.f = f;
    this.argnums = argnums;
    this.hasAux = hasAux;
    this.allowInt = allowInt;
    this.withValue = withValue;
  }

  /** {@code jax.grad(f)}: with respect to the first argument. */
  public static Grad grad(TreeFunction f) {
    return new Grad(f, Argnums.of(0), false, false, false);
  }

  /** {@code jax.value_and_grad(f)}. */
  public static Grad valueAndGrad(TreeFunction f) {
    return new Grad(f, Argnums.of(0), false, false, true);
  }

  /** {@code argnums=argnum}: the gradient with respect to that argument alone. */
  public Grad argnums(int argnum) {
    return new Grad(f, Argnums.of(argnum), hasAux, allowInt, withValue);
  }

  /** {@code argnums=(...)}: a tuple of gradients, one per listed argument, in that order. */
  public Grad argnums(int... argnums) {
    return new Grad(f, Argnums.of(argnums), hasAux, allowInt, withValue);
  }

  /** {@code has_aux}: the function returns {@code (output, aux)}. */
  public Grad hasAux(boolean hasAux) {
    return new Grad(f, argnums, hasAux, allowInt, withValue);
  }

  /** {@code allow_int}: integer and bool arguments are allowed; their gradients are zeros. */
  public Grad allowInt(boolean allowInt) {
    return new Grad(f, argnums, hasAux, allowInt, withValue);
  }

  @Override
  public Object apply(Object... args) {
    Object dyn = argnums.dynamic(args);
    for (Object leaf : Trees.leaves(dyn)) {
      checkInput("grad", FlatFunction.asValue(leaf).dtype(), allowInt);
    }
    Traced t = Traced.of(argnums.partial(f, args), new Object[] {dyn}, hasAux);
    Object out = t.primalOut();
    Value ans = checkScalar(out);
    if (!ans.dtype().isFloating()) {
      throw new JaxTypeError("grad requires real-valued outputs (output dtype that "
          + "is a sub-dtype of np.floating), but got " + ans.dtype() + ". For differentiation "
          + "of functions with integer outputs, use jax.vjp directly.");
    }
    Object g = ((Tuple) t.vjpFn().apply(one(ans.aval()))).get(0);
    if (withValue) {
      return Tuple.of(hasAux ? Tuple.of(out, t.aux) : out, g);
    }
    return hasAux ? Tuple.of(g, t.aux) : g;
  }

  /**
   * JAX's check of a differentiated input's dtype ({@code transform} names the caller): floating
   * is fine, integers and bools (not keys) only with {@code allow_int}.
   */
  static void checkInput(String transform, DType dtype, boolean allowInt) {
    if (dtype.isFloating() || (allowInt && dtype != DType.KEY)) {
      return;
    }
    throw new JaxTypeError(transform + " requires real- or complex-valued inputs "
        + "(input dtype that is a sub-dtype of np.inexact), but got " + dtype + ". If you want "
        + "to use Boolean- or integer-valued inputs, use vjp or set allow_int to True.");
  }

  private static Value checkScalar(Object out) {
    String msg = "Gradient only defined for scalar-output functions. Output ";
    if (!(out instanceof Value)) {
      throw new JaxTypeError(msg + "was " + out + ".");
    }
    Value v = (Value) out;
    if (v.rank() != 0) {
      throw new JaxTypeError(msg + "had shape: " + v.shape() + ".");
    }
    return v;
  }

  /** The cotangent one, of the output's dtype and weak type. */
  private static Value one(ShapedArray aval) {
    ShapedArray scalar = new ShapedArray(Shape.SCALAR, aval.dtype(), aval.weakType());
    Object storage = Array.allocate(scalar);
    if (aval.dtype() == DType.FLOAT32) {
      ((float[]) storage)[0] = 1f;
    } else {
      ((double[]) storage)[0] = 1d;
    }
    return Array.wrap(scalar, storage);
  }
}
