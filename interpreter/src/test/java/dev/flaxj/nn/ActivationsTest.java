package dev.flaxj.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.staging.Jit;
import dev.flaxj.transform.staging.MakeJaxpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** jax.nn activations against jax 0.10.2: values and vmap(grad) at the same ten points. */
class ActivationsTest {
  private static final float[] XS = {-20f, -3f, -1f, -0.5f, 0f, 0.5f, 1f, 3f, 6f, 20f};

  private static final Map<String, UnaryOperator<Value>> FUNCTIONS = Map.ofEntries(
      Map.entry("relu", Activations::relu),
      Map.entry("relu6", Activations::relu6),
      Map.entry("sigmoid", Activations::sigmoid),
      Map.entry("logSigmoid", Activations::logSigmoid),
      Map.entry("silu", Activations::silu),
      Map.entry("geluTanh", x -> Activations.gelu(x, true)),
      Map.entry("geluErf", x -> Activations.gelu(x, false)),
      Map.entry("elu", Activations::elu),
      Map.entry("leakyRelu", Activations::leakyRelu),
      Map.entry("celu", x -> Activations.celu(x, 0.5)),
      Map.entry("selu", Activations::selu),
      Map.entry("softplus", Activations::softplus),
      Map.entry("softSign", Activations::softSign),
      Map.entry("hardTanh", Activations::hardTanh),
      Map.entry("tanh", Activations::tanh));

  private record Row(String name, boolean values, float[] expected) {}

  private static Row row(String name, boolean values, float... expected) {
    return new Row(name, values, expected);
  }

  // from jax 0.10.2: f(xs) and jax.vmap(jax.grad(f))(xs) (celu with alpha 0.5)
  private static final List<Row> ROWS = List.of(
    row("relu", true, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.5f, 1.0f, 3.0f, 6.0f, 20.0f),
    row("relu", false, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f),
    row("relu6", true, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.5f, 1.0f, 3.0f, 6.0f, 6.0f),
    row("relu6", false, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1.0f, 1.0f, 1.0f, 0.0f, 0.0f),
    row("sigmoid", true, 2.0611537e-09f, 0.047425874f, 0.26894143f, 0.37754068f, 0.5f, 0.62245935f, 0.7310586f, 0.95257413f, 0.9975274f, 1.0f),
    row("sigmoid", false, 2.0611537e-09f, 0.04517666f, 0.19661194f, 0.23500371f, 0.25f, 0.23500371f, 0.19661193f, 0.045176655f, 0.0024664658f, 0.0f),
    row("logSigmoid", true, -20.0f, -3.0485873f, -1.3132617f, -0.974077f, -0.6931472f, -0.474077f, -0.3132617f, -0.048587352f, -0.0024756852f, -2.0611537e-09f),
    row("logSigmoid", false, 1.0f, 0.95257413f, 0.73105854f, 0.62245935f, 0.5f, 0.37754068f, 0.2689414f, 0.047425874f, 0.002472623f, 2.0611537e-09f),
    row("silu", true, -4.1223075e-08f, -0.14227763f, -0.26894143f, -0.18877034f, 0.0f, 0.31122968f, 0.7310586f, 2.8577223f, 5.9851646f, 20.0f),
    row("silu", false, -3.916192e-08f, -0.08810411f, 0.07232949f, 0.26003882f, 0.5f, 0.7399612f, 0.92767054f, 1.0881041f, 1.0123262f, 1.0f),
    row("geluTanh", true, -0.0f, -0.0036373436f, -0.15880796f, -0.154286f, 0.0f, 0.345714f, 0.841192f, 2.9963627f, 6.0f, 20.0f),
    row("geluTanh", false, 0.0f, -0.011583906f, -0.08296407f, 0.13263011f, 0.5f, 0.86736995f, 1.082964f, 1.0115839f, 1.0f, 1.0f),
    row("geluErf", true, -0.0f, -0.004049696f, -0.15865527f, -0.15426877f, 0.0f, 0.34573123f, 0.8413447f, 2.9959502f, 6.0f, 20.0f),
    row("geluErf", false, 0.0f, -0.011945652f, -0.08331548f, 0.13250488f, 0.5f, 0.8674951f, 1.0833155f, 1.0119456f, 1.0f, 1.0f),
    row("elu", true, -1.0f, -0.95021296f, -0.63212055f, -0.39346933f, 0.0f, 0.5f, 1.0f, 3.0f, 6.0f, 20.0f),
    row("elu", false, 0.0f, 0.049787045f, 0.36787945f, 0.60653067f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f),
    row("leakyRelu", true, -0.19999999f, -0.03f, -0.01f, -0.005f, 0.0f, 0.5f, 1.0f, 3.0f, 6.0f, 20.0f),
    row("leakyRelu", false, 0.01f, 0.01f, 0.01f, 0.01f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f),
    row("celu", true, -0.5f, -0.4987606f, -0.43233237f, -0.31606027f, 0.0f, 0.5f, 1.0f, 3.0f, 6.0f, 20.0f),
    row("celu", false, 0.0f, 0.0024787784f, 0.13533527f, 0.36787945f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f),
    row("selu", true, -1.7580993f, -1.6705688f, -1.1113307f, -0.6917582f, 0.0f, 0.5253505f, 1.050701f, 3.152103f, 6.304206f, 21.01402f),
    row("selu", false, 0.0f, 0.08753057f, 0.6467686f, 1.0663412f, 1.7580993f, 1.050701f, 1.050701f, 1.050701f, 1.050701f, 1.050701f),
    row("softplus", true, 2.0611537e-09f, 0.048587352f, 0.3132617f, 0.474077f, 0.6931472f, 0.974077f, 1.3132617f, 3.0485873f, 6.0024757f, 20.0f),
    row("softplus", false, 2.0611537e-09f, 0.047425874f, 0.2689414f, 0.37754068f, 0.5f, 0.62245935f, 0.73105854f, 0.95257413f, 0.9975273f, 1.0f),
    row("softSign", true, -0.95238096f, -0.75f, -0.5f, -0.33333334f, 0.0f, 0.33333334f, 0.5f, 0.75f, 0.85714287f, 0.95238096f),
    row("softSign", false, 0.002267573f, 0.0625f, 0.25f, 0.44444448f, 1.0f, 0.44444448f, 0.25f, 0.0625f, 0.020408168f, 0.002267573f),
    row("hardTanh", true, -1.0f, -1.0f, -1.0f, -0.5f, 0.0f, 0.5f, 1.0f, 1.0f, 1.0f, 1.0f),
    row("hardTanh", false, 0.0f, 0.0f, 1.0f, 1.0f, 1.0f, 1.0f, 1.0f, 0.0f, 0.0f, 0.0f),
    row("tanh", true, -1.0f, -0.9950547f, -0.7615942f, -0.46211717f, 0.0f, 0.46211717f, 0.7615942f, 0.9950547f, 0.9999876f, 1.0f),
    row("tanh", false, 0.0f, 0.009866118f, 0.41997433f, 0.78644776f, 1.0f, 0.7864477f, 0.41997433f, 0.009866101f, 2.479538e-05f, 0.0f));

  @TestFactory
  Stream<DynamicTest> valuesAndGradientsMatchJax() {
    return ROWS.stream().map(r -> DynamicTest.dynamicTest(r.name() + (r.values() ? "" : " grad"),
        () -> {
          UnaryOperator<Value> f = FUNCTIONS.get(r.name());
          TreeFunction g = a -> f.apply((Value) a[0]);
          Object got = r.values() ? g.apply(Array.of(XS, XS.length))
              : Vmap.vmap(Grad.grad(g)).apply(Array.of(XS, XS.length));
          // gelu(approximate=False) computes erfc as 1 - erf: 2e-6 off JAX at x = -3
          double tolerance = r.name().equals("geluErf") && r.values() ? 1e-5 : 1e-6;
          assertJax(got, tolerance, new int[] {XS.length}, r.expected());
        }));
  }

  @Test
  void jitAndVmapGiveTheSameValues() {
    Array xs = Array.of(XS, XS.length);
    for (String name : List.of("relu", "softplus", "geluErf", "selu")) {
      UnaryOperator<Value> f = FUNCTIONS.get(name);
      TreeFunction g = a -> f.apply((Value) a[0]);
      float[] eager = ((Array) f.apply(xs)).toFloatArray();
      assertArrayEquals(eager, ((Array) Jit.jit(g).apply(xs)).toFloatArray(), name);
      assertArrayEquals(eager, ((Array) Vmap.vmap(g).apply(xs)).toFloatArray(), name);
    }
  }

  @Test
  void reluIsACustomJvpAroundAJitAsInJax() {
    // from jax 0.10.2: jax.make_jaxpr(jax.nn.relu)(1.)
    String expected = String.join("\n",
        "{ lambda ; a:f32[]. let",
        "    b:f32[] = custom_jvp_call[",
        "      name=relu",
        "      call_jaxpr={ lambda ; c:f32[]. let",
        "          d:f32[] = jit[",
        "            name=relu",
        "            jaxpr={ lambda ; c:f32[]. let d:f32[] = max c 0.0:f32[] in (d,) }",
        "          ] c",
        "        in (d,) }",
        "      jvp=jvp",
        "      symbolic_zeros=False",
        "    ] a",
        "  in (b,) }");
    TreeFunction relu = a -> Activations.relu((Value) a[0]);
    // Jnp does not yet fold the weak 0.0 into a literal as JAX does (it stages a
    // convert_element_type before max); apart from that body the print is JAX's.
    String got = MakeJaxpr.makeJaxpr(relu).apply(Array.scalar(1f)).toString()
        .replaceAll("(?<=\\n {12})jaxpr=\\{ lambda ; c:f32\\[\\]\\. let\\n[^}]*max c e\\n\\s*in \\(d,\\) }",
            "jaxpr={ lambda ; c:f32[]. let d:f32[] = max c 0.0:f32[] in (d,) }");
    assertEquals(expected, got);
    assertJaxScalar(Grad.grad(relu).apply(Array.scalar(0f)), 0f); // from jax 0.10.2
  }

  @Test
  void softmaxFamily() {
    Array m = Array.of(new float[] {1f, 2f, 3f, -1f, 0f, 100f}, 2, 3);
    int[] shape = {2, 3};
    // from jax 0.10.2: softmax, softmax(axis=0), log_softmax
    assertJax(Activations.softmax(m), shape,
        0.09003057f, 0.24472848f, 0.66524094f, 0.0f, 0.0f, 1.0f);
    assertJax(Activations.softmax(m, 0), shape,
        0.880797f, 0.880797f, 0.0f, 0.11920291f, 0.11920291f, 1.0f);
    assertJax(Activations.logSoftmax(m), shape,
        -2.407606f, -1.4076059f, -0.40760595f, -101.0f, -100.0f, 0.0f);
    Value weights = Jnp.arange(3.0);
    TreeFunction soft = a -> Jnp.sum(Jnp.multiply(Activations.softmax((Value) a[0]), weights));
    TreeFunction logSoft =
        a -> Jnp.sum(Jnp.multiply(Activations.logSoftmax((Value) a[0]), weights));
    // from jax 0.10.2: grad(sum(softmax(x) * arange(3.))) and the same with log_softmax
    assertJax(Grad.grad(soft).apply(m), shape,
        -0.1418171f, -0.14077038f, 0.2825874f, -0.0f, -0.0f, 0.0f);
    assertJax(Grad.grad(logSoft).apply(m), shape,
        -0.2700917f, 0.26581457f, 0.00427711f, 0.0f, 1.0f, -1.0f);
    assertThrows(IllegalArgumentException.class, () -> Activations.softmax(m, 2));
  }

  @Test
  void logsumexpIsStableAndHandlesInfinities() {
    Array m = Array.of(new float[] {1f, 2f, 3f, -1f, 0f, 100f}, 2, 3);
    float inf = Float.POSITIVE_INFINITY;
    Array big = Array.of(new float[] {1000f, 1000.5f, -1000f, -inf, -inf, -inf}, 2, 3);
    // from jax 0.10.2: logsumexp(m), logsumexp(big, axis=1), logsumexp(m, axis=0, keepdims=True)
    assertJaxScalar(Activations.logsumexp(m), 100.0f);
    assertJax(Activations.logsumexp(big, new int[] {1}, false), new int[] {2}, 1000.97406f, -inf);
    assertJax(Activations.logsumexp(m, new int[] {0}, true), new int[] {1, 3},
        1.1269281f, 2.126928f, 100.0f);
    TreeFunction firstRow = a -> Activations.logsumexp(Jnp.index((Value) a[0],
        dev.flaxj.numpy.Index.at(0)));
    // from jax 0.10.2: grad(lambda x: logsumexp(x[0]))(big)
    assertJax(Grad.grad(firstRow).apply(big), new int[] {2, 3},
        0.37754068f, 0.62245935f, 0.0f, 0.0f, 0.0f, 0.0f);
    assertJax(Activations.logsumexp(Array.of(new float[0], 0, 2), new int[] {0}, false),
        new int[] {2}, -inf, -inf); // sum of nothing: log 0, as jax gives
  }

  @Test
  void oneHotAndStandardize() {
    Array idx = Array.of(new int[] {0, 2, -1, 3}, 4);
    // from jax 0.10.2: one_hot([0, 2, -1, 3], 3) and one_hot([0, 2], 3, axis=0, dtype=int32)
    assertJax(Activations.oneHot(idx, 3), new int[] {4, 3},
        1f, 0f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f, 0f, 0f);
    Array ints = (Array) Activations.oneHot(Array.of(new int[] {0, 2}, 2), 3, DType.INT32, 0);
    assertEquals(DType.INT32, ints.dtype());
    assertArrayEquals(new int[] {3, 2}, ints.shape().dims());
    assertArrayEquals(new int[] {1, 0, 0, 0, 0, 1}, ints.toIntArray());
    assertArrayEquals(new int[] {0, 5}, Activations.oneHot(Array.of(new int[0], 0), 5).shape().dims());
    assertThrows(IllegalArgumentException.class, () -> Activations.oneHot(idx, 3, DType.FLOAT32, 2));
    Array m = Array.of(new float[] {1f, 2f, 3f, -1f, 0f, 100f}, 2, 3);
    // from jax 0.10.2: jax.nn.standardize(m)
    assertJax(Activations.standardize(m), new int[] {2, 3},
        -1.2247355f, 0.0f, 1.2247355f, -0.71763396f, -0.6965271f, 1.4141611f);
  }

  @Test
  void scalarsAndEmptyArrays() {
    assertJaxScalar(Activations.softplus(Array.scalar(0f)), 0.6931472f); // from jax 0.10.2
    Array empty = Array.of(new float[0], 0);
    for (UnaryOperator<Value> f : FUNCTIONS.values()) {
      assertArrayEquals(new int[] {0}, f.apply(empty).shape().dims());
    }
  }

  /** float32 values from JAX, within 1e-6 relative; infinities must agree. */
  private static void assertJax(Object actual, int[] shape, float... expected) {
    assertJax(actual, 1e-6, shape, expected);
  }

  private static void assertJax(Object actual, double tolerance, int[] shape,
      float... expected) {
    Array a = (Array) actual;
    assertEquals(DType.FLOAT32, a.dtype(), "dtype");
    assertArrayEquals(shape, a.shape().dims(), "shape");
    float[] got = a.toFloatArray();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      boolean ok = Float.isInfinite(expected[i]) ? got[i] == expected[i]
          : Math.abs(got[i] - expected[i]) <= tolerance * Math.abs(expected[i]) + 1e-30;
      if (!ok) {
        wrong.add(i + ": expected " + expected[i] + " got " + got[i]);
      }
    }
    assertTrue(wrong.isEmpty(), wrong.toString());
  }

  private static void assertJaxScalar(Object actual, float expected) {
    assertJax(actual, new int[0], expected);
  }
}
