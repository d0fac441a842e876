package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.tree.Tuple;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reverse mode against forward mode and against finite differences, in float64, over the
 * functions of {@link TestFunctions} at random points.
 */
class ReverseModePropertiesTest {
  @Provide
  Arbitrary<String> functions() {
    return Arbitraries.of(TestFunctions.ALL.keySet());
  }

  /** {@code <vjp(ct), t> == <ct, jvp(t)>} for random point, tangent and cotangent. */
  @Property(tries = 60)
  void vjpIsTheTransposeOfJvp(@ForAll("functions") String name, @ForAll long seed) {
    TreeFunction f = TestFunctions.ALL.get(name);
    Array x = TestFunctions.random(seed, TestFunctions.SHAPE);
    Array t = TestFunctions.random(seed + 1, TestFunctions.SHAPE);
    VjpOutput vjp = Vjp.vjp(f, x);
    Value y = (Value) vjp.primalOut();
    Array ct = TestFunctions.random(seed + 2, y.shape().dims());
    Value xBar = (Value) ((Tuple) vjp.vjpFn().apply(ct)).get(0);
    Value yDot = (Value) Jvp.jvp(f, new Object[] {x}, new Object[] {t}).tangentOut();
    double lhs = Adjoint.dot(xBar, t);
    double rhs = Adjoint.dot(ct, yDot);
    assertEquals(rhs, lhs, 1e-10 * (1 + Math.abs(rhs)), name);
  }

  /** The gradient of {@code sum(w * f(x))} along a random direction matches central differences. */
  @Property(tries = 60)
  void gradMatchesCentralDifferences(@ForAll("functions") String name, @ForAll long seed) {
    TreeFunction f = TestFunctions.ALL.get(name);
    Array x = TestFunctions.random(seed, TestFunctions.SHAPE);
    Array d = TestFunctions.random(seed + 1, TestFunctions.SHAPE);
    Value y = (Value) f.apply(x);
    Array w = TestFunctions.random(seed + 2, y.shape().dims());
    TreeFunction g = a -> Jnp.sum(Jnp.multiply(w, f.apply(a[0])));
    Value grad = (Value) Grad.grad(g).apply(x);
    double eps = 1e-6;
    double plus = ((Array) g.apply(Jnp.add(x, Jnp.multiply(d, eps)))).item();
    double minus = ((Array) g.apply(Jnp.subtract(x, Jnp.multiply(d, eps)))).item();
    double fd = (plus - minus) / (2 * eps);
    assertEquals(fd, Adjoint.dot(grad, d), 1e-6 * (1 + Math.abs(fd)), name);
  }
}
