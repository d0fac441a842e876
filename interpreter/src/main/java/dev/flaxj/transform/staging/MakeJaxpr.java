package dev.flaxj.transform.staging;

import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.tree.TreeDef;
import java.util.Set;

/**
 * {@code jax.make_jaxpr}: the jaxpr a function stages to for given arguments, printable in JAX's
 * format with {@code toString()}. Arguments may be arrays, Java numbers (weakly typed scalars) or
 * {@link dev.flaxj.array.ShapedArray}s standing for arrays of that type.
 */
public final class MakeJaxpr {
  private final TreeFunction fn;
  private final int[] staticArgnums;
  private TreeDef outTree;

  private MakeJaxpr(TreeFunction fn, int[] staticArgnums) {
    this.fn = fn;
    this.staticArgnums = staticArgnums;
  }

  public static MakeJaxpr makeJaxpr(TreeFunction f) {
    return new MakeJaxpr(f, new int[0]);
  }

  /** {@code static_argnums}: positional arguments passed as they are instead of traced. */
  public MakeJaxpr staticArgnums(int... argnums) {
    return new MakeJaxpr(fn, argnums.clone());
  }

  public ClosedJaxpr apply(Object... args) {
    CallArgs call = CallArgs.split(args, staticArgnums, Set.of());
    FlatFunction flat = new FlatFunction(call.dynamicFunction(fn), call.dynamicTree());
    ClosedJaxpr jaxpr = Staging.traceToJaxpr(flat, call.avals(FunctionNames.of(fn), true));
    outTree = flat.outTree();
    return jaxpr;
  }

  /** The output structure of the last {@link #apply} (JAX's {@code return_shape} tree). */
  public TreeDef outTree() {
    if (outTree == null) {
      throw new IllegalStateException("make_jaxpr: the function has not been traced yet");
    }
    return outTree;
  }
}
