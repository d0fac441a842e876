package dev.flaxj.lax;

/**
 * The reduction primitives: monoid reductions over axes, arg-reductions along one axis, and
 * cumulative (scan) reductions along one axis. Their abstract-evaluation rules follow JAX's:
 * same errors for out-of-range or duplicate axes and unsupported dtypes.
 */
public final class ReductionPrimitives {
  private ReductionPrimitives() {}

  public static final Primitive REDUCE_SUM =
      new ReducePrimitive("reduce_sum", DTypeSet.NUMBER, true);
  public static final Primitive REDUCE_PROD =
      new ReducePrimitive("reduce_prod", DTypeSet.NUMBER, true);
  public static final Primitive REDUCE_MAX =
      new ReducePrimitive("reduce_max", DTypeSet.ANY, true);
  public static final Primitive REDUCE_MIN =
      new ReducePrimitive("reduce_min", DTypeSet.ANY, true);
  public static final Primitive REDUCE_AND =
      new ReducePrimitive("reduce_and", DTypeSet.BOOL_OR_INTEGER, false);
  public static final Primitive REDUCE_OR =
      new ReducePrimitive("reduce_or", DTypeSet.BOOL_OR_INTEGER, false);

  public static final Primitive ARGMAX = new ArgReducePrimitive("argmax");
  public static final Primitive ARGMIN = new ArgReducePrimitive("argmin");

  public static final Primitive CUMSUM = new CumulativePrimitive("cumsum");
  public static final Primitive CUMPROD = new CumulativePrimitive("cumprod");
  public static final Primitive CUMMAX = new CumulativePrimitive("cummax");
  public static final Primitive CUMMIN = new CumulativePrimitive("cummin");
}
