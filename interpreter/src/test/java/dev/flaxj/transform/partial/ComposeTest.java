package dev.flaxj.transform.partial;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reverse mode composed with {@code vmap}: batched gradients equal the gradients of each row. */
class ComposeTest {
  private static final Array XS = Array.of(new float[] {0.5f, -1f, 2f, 0.25f, 3f, -0.75f}, 2, 3);

  private static final TreeFunction F = a -> Jnp.sum(Jnp.multiply(Jnp.tanh(a[0]),
      Jnp.sin(a[0])));

  private static Value row(int i) {
    return Jnp.index(XS, Index.at(i));
  }

  @Test
  void vmapOfGrad() {
    Value batched = (Value) Vmap.vmap(Grad.grad(F)).apply(XS);
    List<Value> rows = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      rows.add((Value) Grad.grad(F).apply(row(i)));
    }
    Close.same(batched, Jnp.stack(rows));
  }

  @Test
  void gradOfVmap() {
    Value g = (Value) Grad.grad(a -> Jnp.sum((Value) Vmap.vmap(F).apply(a[0]))).apply(XS);
    List<Value> rows = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      rows.add((Value) Grad.grad(F).apply(row(i)));
    }
    Close.same(g, Jnp.stack(rows));
  }

  @Test
  void vmapOfVjpFunction() {
    VjpOutput r = Vjp.vjp(a -> Jnp.multiply(Jnp.sin(a[0]), 2.0), row(0));
    Value cts = (Value) Vmap.vmap(c -> ((dev.flaxj.tree.Tuple) r.vjpFn().apply(c[0])).get(0))
        .apply(Jnp.eye(3));
    Close.same(cts, (Value) Jacrev.jacrev(a -> Jnp.multiply(Jnp.sin(a[0]), 2.0)).apply(row(0)));
  }
}
