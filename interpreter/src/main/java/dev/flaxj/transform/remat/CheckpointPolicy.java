package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;

/**
 * A rematerialisation policy, as JAX's {@code jax.checkpoint_policies}: told about one
 * first-order primitive application inside a checkpointed function (the primitive, its input
 * types, its parameters), it answers whether the outputs may be saved as residuals for the
 * backward pass; if not, the backward pass recomputes them. Policies should implement
 * {@code equals}, since they are primitive parameters and key staging caches.
 */
@FunctionalInterface
public interface CheckpointPolicy {
  boolean saveable(Primitive primitive, List<ShapedArray> inputs, Params params);
}
