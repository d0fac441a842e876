package dev.flaxj.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Partial}, and the function {@code jax.vjp} returns being one (a pytree of its residuals). */
class PartialTest {
  private static final Value X = Jnp.array(new float[] {0.5f, 1f, 2f});

  private static float[] floats(Object v) {
    return ((Array) v).rawFloats();
  }

  @Test
  void boundArgumentsComeFirstAndAreTheChildren() {
    Partial p = new Partial(a -> Jnp.subtract(a[0], a[1]), Jnp.array(5f));
    assertArrayEquals(new float[] {3f}, floats(p.apply(Jnp.array(2f))));
    assertEquals(1, Trees.leaves(p).size());
    Object rebuilt = Trees.structure(p).unflatten(List.of(Jnp.array(7f)));
    assertNotSame(p, rebuilt);
    assertArrayEquals(new float[] {5f}, floats(((TreeFunction) rebuilt).apply(Jnp.array(2f))));
  }

  @Test
  void theVjpFunctionCarriesItsResidualsAsLeaves() {
    VjpOutput out = Jax.vjp(a -> Jnp.sin(Jnp.multiply(a[0], a[0])), X);
    Value ct = Jnp.array(new float[] {1f, -1f, 0.5f});
    float[] direct = floats(((Tuple) out.vjpFn().apply(ct)).get(0));
    assertFalse(Trees.leaves(out.vjpFn()).isEmpty());
    Object rebuilt = Trees.structure(out.vjpFn()).unflatten(Trees.leaves(out.vjpFn()));
    assertArrayEquals(direct, floats(((Tuple) ((TreeFunction) rebuilt).apply(ct)).get(0)));
    Object jitted = Jax.jit(a -> ((TreeFunction) a[0]).apply(a[1])).apply(out.vjpFn(), ct);
    assertArrayEquals(direct, floats(((Tuple) jitted).get(0)));
  }

  @Test
  void theVjpFunctionCanBeACustomVjpResidual() {
    TreeFunction f = a -> Jnp.sin(Jnp.multiply(a[0], a[0]));
    TreeFunction custom = Jax.customVjp(f).defvjp(a -> {
      VjpOutput out = Jax.vjp(f, a[0]);
      return Tuple.of(out.primalOut(), out.vjpFn());
    }, a -> ((TreeFunction) a[0]).apply(a[1]));
    TreeFunction loss = a -> Jnp.sum((Value) a[0]);
    Object plain = Jax.grad(a -> loss.apply(f.apply(a[0]))).apply(X);
    Object viaResidual = Jax.grad(a -> loss.apply(custom.apply(a[0]))).apply(X);
    assertArrayEquals(floats(plain), floats(viaResidual));
    Object jitted = Jax.jit(Jax.grad(a -> loss.apply(custom.apply(a[0])))).apply(X);
    assertArrayEquals(floats(plain), floats(jitted));
  }
}
