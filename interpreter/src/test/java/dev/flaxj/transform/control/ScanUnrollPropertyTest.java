package dev.flaxj.transform.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@code scan} equals the Python-style loop it stands for, in value and in gradient. */
class ScanUnrollPropertyTest {
  /** The body: {@code c = tanh(c * w + x)}, {@code y = (c * x, sum(c))}. */
  private static Tuple body(Object c, Object x, Object w) {
    Value next = Jnp.tanh(Jnp.add(Jnp.multiply(c, w), x));
    return Tuple.of(next, Tuple.of(Jnp.multiply(next, x), Jnp.sum(next)));
  }

  /** The loop written out: {@code for i in (reversed) range(n): c, y = body(c, xs[i])}, ys stacked. */
  private static Tuple unrolled(Value init, Value xs, Value w, boolean reverse) {
    int n = xs.shape().dim(0);
    Object c = init;
    Value[] ys0 = new Value[n];
    Value[] ys1 = new Value[n];
    for (int step = 0; step < n; step++) {
      int i = reverse ? n - 1 - step : step;
      Tuple out = body(c, ScanPrimitive.indexLeading(xs, i), w);
      c = out.get(0);
      ys0[i] = (Value) ((Tuple) out.get(1)).get(0);
      ys1[i] = (Value) ((Tuple) out.get(1)).get(1);
    }
    return Tuple.of(c, Tuple.of(Jnp.stack(List.of(ys0)), Jnp.stack(List.of(ys1))));
  }

  private static Tuple scanned(Value init, Value xs, Value w, boolean reverse, int unroll) {
    return ControlFlow.scan(a -> body(a[0], a[1], w), init, xs, null, reverse, unroll);
  }

  private static Value matrix(List<Float> values, int rows, int cols) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = values.get(i % values.size());
    }
    return Array.of(v, rows, cols);
  }

  @Property(tries = 60)
  void scanEqualsItsUnrolledLoop(@ForAll @IntRange(min = 1, max = 6) int length,
      @ForAll @IntRange(min = 1, max = 3) int width, @ForAll boolean reverse,
      @ForAll @IntRange(min = 0, max = 4) int unroll,
      @ForAll @Size(min = 1, max = 12) List<@FloatRange(min = -2, max = 2) Float> values,
      @ForAll @FloatRange(min = -1.5f, max = 1.5f) float w) {
    Value xs = matrix(values, length, width);
    Value init = Array.of(new float[width], width);
    Tuple expected = unrolled(init, xs, Array.scalar(w), reverse);
    Tuple actual = scanned(init, xs, Array.scalar(w), reverse, unroll);
    assertArrayEquals(((Array) expected.get(0)).toFloatArray(), ((Array) actual.get(0)).toFloatArray(), 0f);
    for (int k = 0; k < 2; k++) {
      Object e = ((Tuple) expected.get(1)).get(k);
      Object a = ((Tuple) actual.get(1)).get(k);
      assertArrayEquals(((Value) e).shape().dims(), ((Value) a).shape().dims());
      assertArrayEquals(((Array) e).toFloatArray(), ((Array) a).toFloatArray(), 0f);
    }
  }

  @Property(tries = 30)
  void gradOfScanEqualsGradOfTheUnrolledLoop(@ForAll @IntRange(min = 1, max = 5) int length,
      @ForAll boolean reverse,
      @ForAll @Size(min = 1, max = 10) List<@FloatRange(min = -2, max = 2) Float> values,
      @ForAll @FloatRange(min = -1.5f, max = 1.5f) float w) {
    Value xs = matrix(values, length, 2);
    Value init = Array.of(new float[] {0.1f, -0.2f}, 2);
    TreeFunction lossScan = a -> loss(scanned((Value) a[1], (Value) a[2], (Value) a[0], reverse, 1));
    TreeFunction lossLoop = a -> loss(unrolled((Value) a[1], (Value) a[2], (Value) a[0], reverse));
    Tuple gs = (Tuple) Grad.grad(lossScan).argnums(0, 1, 2).apply(Array.scalar(w), init, xs);
    Tuple gl = (Tuple) Grad.grad(lossLoop).argnums(0, 1, 2).apply(Array.scalar(w), init, xs);
    for (int k = 0; k < 3; k++) {
      assertArrayEquals(((Array) gl.get(k)).toFloatArray(), ((Array) gs.get(k)).toFloatArray(), 1e-5f);
    }
  }

  private static Value loss(Tuple out) {
    List<Value> parts = new ArrayList<>();
    parts.add(Jnp.sum((Value) out.get(0)));
    parts.add(Jnp.sum((Value) ((Tuple) out.get(1)).get(0)));
    parts.add(Jnp.sum((Value) ((Tuple) out.get(1)).get(1)));
    return Jnp.add(Jnp.add(parts.get(0), parts.get(1)), parts.get(2));
  }
}
