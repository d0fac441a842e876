package dev.flaxj.numpy;

import static dev.flaxj.numpy.Check.expect;
import static dev.flaxj.numpy.Check.fails;
import static dev.flaxj.numpy.Check.range;
import static dev.flaxj.numpy.Check.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import org.junit.jupiter.api.Test;

class CreationTest {

  @Test
  void zerosOnesFull() {
    expect(Jnp.zeros(2, 2), "float32", false, shape(2, 2), 0, 0, 0, 0);
    expect(Jnp.zeros(), "float32", false, shape(), 0);
    expect(Jnp.ones(new int[] {3}, DType.INT32), "int32", false, shape(3), 1, 1, 1);
    expect(Jnp.ones(0, 4), "float32", false, shape(0, 4));
    // from jax 0.10.2: jnp.full((2,), 3) is weak int32; with a dtype it is strong
    expect(Jnp.full(shape(2), 3), "int32", true, shape(2), 3, 3);
    expect(Jnp.full(shape(2), 3.0), "float32", true, shape(2), 3, 3);
    expect(Jnp.full(shape(2), true), "bool", false, shape(2), 1, 1);
    expect(Jnp.full(shape(2), 3, DType.FLOAT32), "float32", false, shape(2), 3, 3);
    expect(Jnp.full(shape(2, 2), Jnp.arange(2)), "int32", false, shape(2, 2), 0, 1, 0, 1);
    fails(() -> Jnp.zeros(2, -1), "negative");
    fails(() -> Jnp.full(shape(2), Jnp.arange(3)), "full", "(3,)", "(2,)");
  }

  @Test
  void likeFunctionsKeepDtypeAndWeakness() {
    Value w = Array.weak(2.0);
    // from jax 0.10.2: zeros_like(weak) stays weak; full_like(int array, 2.7) truncates
    expect(Jnp.zerosLike(w), "float32", true, shape(), 0);
    expect(Jnp.onesLike(Jnp.arange(3)), "int32", false, shape(3), 1, 1, 1);
    expect(Jnp.fullLike(Jnp.arange(3), 2.7), "int32", false, shape(3), 2, 2, 2);
    expect(Jnp.fullLike(w, 5), "float32", true, shape(), 5);
    expect(Jnp.zerosLike(Jnp.arange(2), DType.BOOL), "bool", false, shape(2), 0, 0);
  }

  @Test
  void integerArange() {
    expect(Jnp.arange(5), "int32", false, shape(5), range(5));
    expect(Jnp.arange(1, 4), "int32", false, shape(3), 1, 2, 3);
    expect(Jnp.arange(3, 1), "int32", false, shape(0));
    expect(Jnp.arange(5, 1, -2), "int32", false, shape(2), 5, 3);
    expect(Jnp.arange(0), "int32", false, shape(0));
    // from jax 0.10.2: arange(0, 1, 0.3, dtype=int32) -> [0, 0, 0, 0] (step truncated to 0)
    expect(Jnp.arange(0, 1, 0.3, DType.INT32), "int32", false, shape(4), 0, 0, 0, 0);
    fails(() -> Jnp.arange(0, 5, 0), "arange", "step");
  }

  @Test
  void floatArange() {
    expect(Jnp.arange(2.5), "float32", false, shape(3), 0, 1, 2);
    expect(Jnp.arange(-2.5), "float32", false, shape(0));
    expect(Jnp.arange(1.0, 4), "float32", false, shape(3), 1, 2, 3);
    // from jax 0.10.2
    expect(Jnp.arange(0.0, 1.0, 0.1), "float32", false, shape(10),
        0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.90000004);
    expect(Jnp.arange(-2.3, 4.1, 0.37), "float32", false, shape(18),
        -2.299999952316284, -1.9299999475479126, -1.559999942779541, -1.1899999380111694,
        -0.8199999332427979, -0.44999992847442627, -0.07999992370605469, 0.29000020027160645,
        0.6600000858306885, 1.0299999713897705, 1.4000000953674316, 1.7700002193450928,
        2.140000104904175, 2.509999990463257, 2.880000352859497, 3.250000238418579,
        3.620000123977661, 3.990000009536743);
    expect(Jnp.arange(10.0, -3.0, -0.7), "float32", false, shape(19),
        10.0, 9.300000190734863, 8.600000381469727, 7.900000095367432, 7.199999809265137, 6.5,
        5.800000190734863, 5.099999904632568, 4.400000095367432, 3.700000286102295, 3.0,
        2.3000001907348633, 1.6000003814697266, 0.9000005722045898, 0.19999980926513672, -0.5,
        -1.1999998092651367, -1.8999996185302734, -2.59999942779541);
  }

  @Test
  void linspaceMatchesJaxBits() {
    // from jax 0.10.2 (note the tiny non-zero middle value, which naive float32 misses)
    expect(Jnp.linspace(-1, 1, 7), "float32", false, shape(7), -1.0, -0.6666666269302368,
        -0.333333283662796, 1.4901161193847656e-08, 0.3333333730697632, 0.6666667461395264, 1.0);
    expect(Jnp.linspace(2.5, -1.25, 13), "float32", false, shape(13), 2.5, 2.1875,
        1.8749998807907104, 1.5625, 1.249999761581421, 0.9374998807907104, 0.625,
        0.3124998211860657, -1.1920928955078125e-07, -0.3125000596046448, -0.6250001192092896,
        -0.9375001192092896, -1.25);
    Value tail = Jnp.index(Jnp.linspace(0, 1, 50), Index.slice(40, null));
    expect(tail, "float32", false, shape(10), 0.8163264989852905, 0.8367346525192261,
        0.8571428656578064, 0.8775510191917419, 0.8979591727256775, 0.918367326259613,
        0.9387754797935486, 0.9591836333274841, 0.9795918464660645, 1.0);
    Value open = Jnp.index(Jnp.linspace(0, 10, 100, false), Index.slice(90, null));
    expect(open, "float32", false, shape(10), 8.999999046325684, 9.09999942779541,
        9.199999809265137, 9.299999237060547, 9.399999618530273, 9.499999046325684,
        9.59999942779541, 9.699999809265137, 9.799999237060547, 9.899999618530273);
  }

  @Test
  void linspaceEdgeCases() {
    expect(Jnp.linspace(0, 10, 4, false), "float32", false, shape(4), 0, 2.5, 5, 7.5);
    expect(Jnp.linspace(0, 1, 1), "float32", false, shape(1), 0);
    expect(Jnp.linspace(0, 1, 0), "float32", false, shape(0));
    // from jax 0.10.2: integer dtypes floor the float32 values
    expect(Jnp.linspace(2, 3, 5, true, DType.INT32), "int32", false, shape(5), 2, 2, 2, 2, 3);
    expect(Jnp.linspace(3, -3, 4, true, DType.INT32), "int32", false, shape(4), 3, 0, -1, -3);
    fails(() -> Jnp.linspace(0, 1, -1), "linspace", "-1");
  }

  @Test
  void eye() {
    expect(Jnp.eye(2), "float32", false, shape(2, 2), 1, 0, 0, 1);
    expect(Jnp.eye(2, 3, 1), "float32", false, shape(2, 3), 0, 1, 0, 0, 0, 1);
    expect(Jnp.eye(3, 3, -1, DType.INT32), "int32", false, shape(3, 3),
        0, 0, 0, 1, 0, 0, 0, 1, 0);
    expect(Jnp.eye(2, 3, 5), "float32", false, shape(2, 3), 0, 0, 0, 0, 0, 0);
    expect(Jnp.eye(0), "float32", false, shape(0, 0));
    fails(() -> Jnp.eye(-1), "eye", "negative");
  }

  @Test
  void arrayFromJava() {
    Value a = Jnp.array(new float[][] {{1, 2, 3}, {4, 5, 6}});
    expect(a, "float32", false, shape(2, 3), 1, 2, 3, 4, 5, 6);
    expect(Jnp.array(new long[] {7}), "int32", false, shape(1), 7);
    expect(Jnp.array(3), "int32", true, shape(), 3);
    expect(Jnp.array(true), "bool", false, shape(), 1);
    expect(Jnp.array(new float[0]), "float32", false, shape(0));
    assertEquals(a, Jnp.asarray(a));
  }
}
