package dev.flaxj.cli;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.core.StaticFold;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Trees;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code flax.linen.Dense(3).init(jax.random.key(0), jnp.ones((1, 4)))} computes, from the
 * foundation's parts: the root scope's {@code make_rng('params')} counter folded into the key
 * (count 1 for the kernel, 2 for the bias), a {@code lecun_normal} kernel, a zero bias, then
 * {@code x @ kernel + bias}. The linen {@code Dense} module replaces this once it exists.
 */
final class DenseExample {
  private DenseExample() {}

  /** The parameter tree {@code {'params': {'bias': ..., 'kernel': ...}}}. */
  static Map<String, Object> init(Value key, int inFeatures, int features) {
    Value kernel = Initializers.lecunNormal()
        .init(StaticFold.foldInStatic(key, List.of(1)), new int[] {inFeatures, features}, DType.FLOAT32);
    Value bias = Initializers.zeros()
        .init(StaticFold.foldInStatic(key, List.of(2)), new int[] {features}, DType.FLOAT32);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("kernel", kernel);
    params.put("bias", bias);
    return Map.of("params", params);
  }

  @SuppressWarnings("unchecked")
  static Value apply(Map<String, Object> variables, Value x) {
    Map<String, Object> params = (Map<String, Object>) variables.get("params");
    return Jnp.add(Jnp.matmul(x, params.get("kernel")), params.get("bias"));
  }

  static void run(PrintStream out) {
    Value x = Jnp.ones(1, 4);
    Map<String, Object> variables = init(Random.key(0), 4, 3);
    out.println("backend: " + dev.flaxj.backend.Backends.current().name());
    out.println("parameter tree: " + Trees.structure(variables));
    Trees.mapWithPath((path, leaf) -> {
      out.println(path + " " + ((Value) leaf).aval().str() + " = " + leaf);
      return leaf;
    }, variables);
    out.println("y = Dense(3).apply(params, ones((1, 4))) = " + apply(variables, x));
  }
}
