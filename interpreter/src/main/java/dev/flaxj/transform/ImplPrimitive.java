package dev.flaxj.transform;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import java.util.List;

/**
 * A primitive that evaluation runs itself instead of asking the backend for a kernel (JAX's
 * {@code def_impl} of higher-order primitives such as {@code cond}, {@code while}, {@code scan}):
 * it runs its jaxprs, whose equations then reach the backend one by one. {@link EvalTrace} calls
 * {@link #impl} on concrete arrays after the primitive's abstract evaluation has checked them.
 */
public interface ImplPrimitive {
  List<Value> impl(List<Value> args, Params params);
}
