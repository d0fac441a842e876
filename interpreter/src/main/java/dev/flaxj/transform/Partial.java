package dev.flaxj.transform;

import dev.flaxj.tree.Children;
import dev.flaxj.tree.NodeRegistry;
import dev.flaxj.tree.NodeType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JAX's {@code jax.tree_util.Partial}: a function with leading arguments bound that is itself a
 * pytree. Its children are the bound arguments; the function is static metadata (compared by
 * identity). So a function that closes over arrays, such as the function {@code jax.vjp} returns,
 * can be a residual of a {@code custom_vjp} rule or cross any other transformation as data.
 */
public final class Partial implements TreeFunction {
  static {
    NodeRegistry.register(NodeType.of(Partial.class, p -> Children.of(p.fn, p.args),
        (fn, children) -> new Partial((TreeFunction) fn, children.toArray())));
  }

  private final TreeFunction fn;
  private final List<Object> args;

  /** {@code fn} with {@code args} bound before the arguments of each call. */
  public Partial(TreeFunction fn, Object... args) {
    this.fn = fn;
    this.args = new ArrayList<>(Arrays.asList(args));
  }

  @Override
  public Object apply(Object... more) {
    List<Object> all = new ArrayList<>(args);
    all.addAll(Arrays.asList(more));
    return fn.apply(all.toArray());
  }
}
