package dev.flaxj.vectors;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.transform.custom.CustomVjp;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.partial.Vjp;
import dev.flaxj.transform.remat.Checkpoint;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The programs of {@code jax-vectors/transforms.json}, written exactly as their Python twins in
 * {@code conformance-tests/tools/transform_programs.py} (whose docstring describes them): each
 * transformation turns a float32[3] -> float32[3] program into another, so any two compose.
 */
final class TransformPrograms {
  private TransformPrograms() {}

  static final Array A = Array.of(new float[] {0.5f, -0.3f, 0.2f, 0.1f, 0.4f, -0.6f, -0.2f, 0.3f, 0.7f}, 3, 3);
  static final Array W = Array.of(new float[] {0.7f, -1.2f, 0.4f}, 3);
  static final Array V = Array.of(new float[] {1.0f, -0.5f, 0.25f}, 3);
  static final Array SEQ = Array.of(new float[] {0.3f, -0.2f, 0.5f}, 3);

  /** The transformations of the pair matrix, in the recorder's order. */
  static final List<String> PAIR_TRANSFORMS =
      List.of("jit", "vmap", "grad", "jvp", "scan", "cond", "checkpoint", "custom_vjp");

  static final TreeFunction BASE = a -> Jnp.add(Jnp.tanh(Jnp.matmul(A, a[0])), Jnp.multiply(0.5, Jnp.sin(a[0])));

  static final Map<String, UnaryOperator<TreeFunction>> TRANSFORMS = transforms();

  private static Map<String, UnaryOperator<TreeFunction>> transforms() {
    Map<String, UnaryOperator<TreeFunction>> t = new LinkedHashMap<>();
    t.put("jit", Jit::jit);
    t.put("vmap", TransformPrograms::vmap);
    t.put("grad", TransformPrograms::grad);
    t.put("jvp", TransformPrograms::jvp);
    t.put("scan", TransformPrograms::scan);
    t.put("cond", TransformPrograms::cond);
    t.put("checkpoint", Checkpoint::checkpoint);
    t.put("custom_vjp", TransformPrograms::customVjp);
    t.put("while_loop", TransformPrograms::whileLoop);
    return t;
  }

  /** {@code T_names[0](T_names[1](... BASE))}; the name "base" alone is BASE. */
  static TreeFunction program(List<String> names) {
    TreeFunction f = BASE;
    for (int i = names.size() - 1; i >= 0; i--) {
      if (!names.get(i).equals("base")) {
        f = TRANSFORMS.get(names.get(i)).apply(f);
      }
    }
    return f;
  }

  /** {@code x -> sum(f(x) * W)}, the scalar program whose second derivatives are recorded. */
  static TreeFunction scalar(TreeFunction f) {
    return a -> Jnp.sum(Jnp.multiply(f.apply(a[0]), W));
  }

  private static Value call(TreeFunction f, Object x) {
    return (Value) f.apply(x);
  }

  private static TreeFunction vmap(TreeFunction f) {
    return a -> {
      Value x = (Value) a[0];
      Value rows = Jnp.stack(List.of(x, Jnp.add(Jnp.multiply(-0.5, x), 0.25)));
      return Jnp.sum(call(Vmap.vmap(f), rows), 0);
    };
  }

  private static TreeFunction grad(TreeFunction f) {
    return Grad.grad(scalar(f));
  }

  private static TreeFunction jvp(TreeFunction f) {
    return a -> {
      JvpOutput out = Jvp.jvp(f, new Object[] {a[0]}, new Object[] {V});
      return Jnp.add(out.primalOut(), out.tangentOut());
    };
  }

  private static TreeFunction scan(TreeFunction f) {
    TreeFunction body = b -> {
      Value y = call(f, b[0]);
      return Tuple.of(Jnp.add(Jnp.multiply(0.5, b[0]), Jnp.multiply(b[1], y)), y);
    };
    return a -> {
      Tuple out = ControlFlow.scan(body, a[0], SEQ);
      return Jnp.add(out.get(0), Jnp.sum((Value) out.get(1), 0));
    };
  }

  private static TreeFunction cond(TreeFunction f) {
    TreeFunction otherwise = b -> Jnp.multiply(0.5, call(f, Jnp.subtract(1.0, b[0])));
    return a -> ControlFlow.cond(Jnp.greater(Jnp.sum((Value) a[0]), 0), f, otherwise, a[0]);
  }

  /** custom_vjp(f) with f's true vjp clipped to [-0.5, 0.5] as its backward rule. */
  private static TreeFunction customVjp(TreeFunction f) {
    return new CustomVjp(f).defvjp(
        a -> Tuple.of(f.apply(a[0]), a[0]),
        a -> {
          Tuple cotangents = (Tuple) Vjp.vjp(f, a[0]).vjpFn().apply(a[1]);
          return Tuple.of(Jnp.clip(cotangents.get(0), -0.5, 0.5));
        });
  }

  private static TreeFunction whileLoop(TreeFunction f) {
    TreeFunction condFun = b -> {
      Tuple s = (Tuple) b[0];
      return Jnp.logicalAnd(Jnp.less(s.get(0), 6), Jnp.greater(Jnp.sum(Jnp.abs(s.get(1))), 0.8));
    };
    TreeFunction body = b -> {
      Tuple s = (Tuple) b[0];
      return Tuple.of(Jnp.add(s.get(0), 1),
          Jnp.add(Jnp.multiply(0.5, s.get(1)), Jnp.multiply(0.2, call(f, s.get(1)))));
    };
    return a -> ((Tuple) ControlFlow.whileLoop(condFun, body, Tuple.of(Array.scalar(0), a[0]))).get(1);
  }
}
