package dev.flaxj.transform.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.ConcretizationTypeError;
import dev.flaxj.transform.NonConcreteBooleanIndexError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JitTest {
  private static final Array X = Array.of(new float[] {0.5f, -1.25f, 2f, 3.5f, -0.75f, 1f}, 2, 3);
  private static final Array W = Array.of(new float[] {1f, 2f, -1f, 0.5f, 0.25f, 3f}, 3, 2);

  private static Value v(Object arg) {
    return (Value) arg;
  }

  /** A small model: pytree in ({'w': matrix, 'b': [vector]}, x), pytree out. */
  private static final TreeFunction MODEL = a -> {
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) a[0];
    Value w = v(params.get("w"));
    Value b = v(((List<?>) params.get("b")).get(0));
    Value h = Jnp.add(Jnp.matmul(a[1], w), b);
    return Tuple.of(Jnp.tanh(h), Map.of("sum", Jnp.sum(h), "n", Jnp.multiply(h, 2)));
  };

  private static Map<String, Object> params() {
    return Map.of("w", W, "b", List.of(Array.of(new float[] {0.1f, -0.2f}, 2)));
  }

  @Test
  void jitEqualsEagerOnPytrees() {
    Object eager = MODEL.apply(params(), X);
    Object jitted = Jit.jit(MODEL).apply(params(), X);
    assertEquals(eager, jitted);
  }

  @Test
  void sameSignatureHitsTheCache() {
    Jitted j = Jit.jit(a -> Lax.add(v(a[0]), v(a[0])));
    j.apply(Array.of(new float[] {1, 2, 3}, 3));
    j.apply(Array.of(new float[] {4, 5, 6}, 3));
    assertEquals(1, j.traceCount());
    assertEquals(Array.of(new float[] {8, 10, 12}, 3), j.apply(Array.of(new float[] {4, 5, 6}, 3)));
    assertEquals(1, j.traceCount());
    assertEquals(1, j.cacheSize());
  }

  @Test
  void shapeDtypeAndWeakTypeMiss() {
    Jitted j = Jit.jit(a -> Lax.add(v(a[0]), v(a[0])));
    j.apply(Array.of(new float[] {1, 2, 3}, 3));
    j.apply(Array.of(new float[] {1, 2, 3, 4}, 4));
    assertEquals(2, j.traceCount());
    j.apply(Array.of(new int[] {1, 2, 3}, 3));
    assertEquals(3, j.traceCount());
    Object weak = j.apply(2.0);
    assertEquals(4, j.traceCount());
    Object strong = j.apply(Array.scalar(2f));
    assertEquals(5, j.traceCount());
    j.apply(3.5);
    assertEquals(5, j.traceCount());
    assertEquals(Array.weak(4.0), weak);
    assertEquals(Array.scalar(4f), strong);
  }

  @Test
  void pytreeStructureIsPartOfTheKey() {
    Jitted j = Jit.jit(a -> Trees.sum(a[0]));
    j.apply(List.of(Array.scalar(1f), Array.scalar(2f)));
    j.apply(Tuple.of(Array.scalar(1f), Array.scalar(2f)));
    j.apply(List.of(Array.scalar(3f), Array.scalar(4f)));
    assertEquals(2, j.traceCount());
  }

  /** Sums the leaves of a pytree (test helper). */
  private static final class Trees {
    static Value sum(Object tree) {
      Value acc = null;
      for (Object leaf : dev.flaxj.tree.Trees.leaves(tree)) {
        acc = acc == null ? v(leaf) : Lax.add(acc, v(leaf));
      }
      return acc;
    }
  }

  @Test
  void staticArgnumsPassValuesAndKeyTheCache() {
    Jitted j = Jit.jit(a -> {
      assertInstanceOf(Integer.class, a[1]);
      return Lax.mul(v(a[0]), Array.scalar((float) (int) (Integer) a[1]));
    }).staticArgnums(1);
    assertEquals(Array.scalar(6f), j.apply(Array.scalar(3f), 2));
    assertEquals(Array.scalar(9f), j.apply(Array.scalar(3f), 3));
    assertEquals(Array.scalar(4f), j.apply(Array.scalar(2f), 2));
    assertEquals(2, j.traceCount());
    Jitted negative = Jit.jit(a -> Lax.mul(v(a[0]), Array.scalar((float) (int) (Integer) a[1])))
        .staticArgnums(-1);
    assertEquals(Array.scalar(6f), negative.apply(Array.scalar(3f), 2));
  }

  @Test
  void argnumsBeyondThePositionalArgumentsAreIgnored() {
    Jitted j = Jit.jit(a -> a[0]).staticArgnums(3);
    assertEquals(Array.scalar(1f), j.apply(Array.scalar(1f)));
  }

  @Test
  void staticArgnamesSelectKeywordArguments() {
    Jitted j = Jit.jit(a -> {
      Kwargs kw = (Kwargs) a[1];
      assertInstanceOf(String.class, kw.get("op"));
      Value y = v(kw.get("y"));
      return kw.get("op").equals("add") ? Lax.add(v(a[0]), y) : Lax.mul(v(a[0]), y);
    }).staticArgnames("op");
    Array three = Array.scalar(3f);
    assertEquals(Array.scalar(5f), j.apply(Array.scalar(2f), Kwargs.of("op", "add", "y", three)));
    assertEquals(Array.scalar(6f), j.apply(Array.scalar(2f), Kwargs.of("op", "mul", "y", three)));
    assertEquals(Array.scalar(8f), j.apply(Array.scalar(4f), Kwargs.of("y", Array.scalar(2f), "op", "mul")));
    assertEquals(2, j.traceCount());
  }

  @Test
  void kwargsOrNoneAreDifferentSignatures() {
    Jitted j = Jit.jit(a -> a[0]);
    j.apply(Array.scalar(1f));
    j.apply(Array.scalar(1f), Kwargs.of());
    assertEquals(2, j.traceCount());
  }

  @Test
  void unhashableStaticArgumentsAreRejected() {
    Jitted j = Jit.jit(a -> a[0]).staticArgnums(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> j.apply(Array.scalar(1f), Array.of(new float[] {1, 1, 1}, 3)));
    assertTrue(e.getMessage().startsWith("Non-hashable static arguments are not supported. An "
        + "error occurred while trying to hash an object of type <class 'dev.flaxj.array.Array'>, "
        + "Array([1., 1., 1.], dtype=float32). The error was:\nTypeError: unhashable type: 'Array'"),
        e.getMessage());
    IllegalArgumentException list = assertThrows(IllegalArgumentException.class,
        () -> j.apply(Array.scalar(1f), new int[] {1, 2}));
    assertTrue(list.getMessage().contains("<class '[I'>, [1, 2]. The error was:\nTypeError: "
        + "unhashable type: 'int[]'"), list.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> j.apply(Array.scalar(1f), List.of(1, Array.scalar(2f))));
    assertEquals(Array.scalar(1f), j.apply(Array.scalar(1f), List.of(1, 2)));
    assertEquals(1, j.cacheSize());
  }

  @Test
  void nonArrayArgumentsMustBeStatic() {
    Jitted j = Jit.jit(a -> a[0]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> j.apply(Array.scalar(1f), Map.of("k", "text")));
    assertEquals("Error interpreting argument to <lambda> as an abstract array. The problematic "
        + "value is of type <class 'str'> and was passed to the function at path "
        + "args[1]['k'].\nThis typically means that a jit-wrapped function was called with a "
        + "non-array argument, and this argument was not marked as static using the "
        + "static_argnums or static_argnames parameters of jax.jit.", e.getMessage());
    IllegalArgumentException kw = assertThrows(IllegalArgumentException.class,
        () -> j.staticArgnums(0).apply("s", Array.scalar(1f), Kwargs.of("z", "t")));
    assertTrue(kw.getMessage().contains("at path z."), kw.getMessage());
  }

  @Test
  void donateArgnumsIsAccepted() {
    Jitted j = Jit.jit(a -> Lax.neg(v(a[0]))).donateArgnums(0);
    assertEquals(Array.scalar(-1f), j.apply(Array.scalar(1f)));
  }

  @Test
  void closedOverArraysBecomeConstants() {
    Value d = Jnp.arange(3.0);
    Jitted j = Jit.jit(a -> Lax.add(v(a[0]), d));
    assertEquals(Array.of(new float[] {1, 2, 3}, 3), j.apply(Jnp.ones(3)));
    ClosedJaxpr closed = MakeJaxpr.makeJaxpr(j).apply(ShapedArray.of(DType.FLOAT32, 3));
    // from jax 0.10.2
    assertEquals("{ lambda ; a:f32[3]. let\n    b:f32[3] = jit[\n      name=<lambda>\n"
        + "      jaxpr={ lambda c:f32[3]; a:f32[3]. let b:f32[3] = add a c in (b,) }\n    ] a\n"
        + "  in (b,) }", closed.toString());
    assertEquals(List.of(), closed.consts());
  }

  @Test
  void nestedJitTracesTheInnerFunctionOncePerSignature() {
    Jitted inner = Jit.jit(a -> Lax.sin(v(a[0])));
    Jitted outer = Jit.jit(a -> Lax.add(v(inner.apply(Lax.cos(v(a[0])))), v(inner.apply(a[0]))));
    Array x = Array.scalar(0.7f);
    Value eager = Lax.add(Lax.sin(Lax.cos(x)), Lax.sin(x));
    assertEquals(eager, outer.apply(x));
    assertEquals(1, inner.traceCount());
    outer.apply(Array.scalar(1.5f));
    assertEquals(1, outer.traceCount());
    assertEquals(1, inner.traceCount());
  }

  @Test
  void nestedJitPrintsLikeJax() {
    TreeFunction h = Jit.jit(a -> Jit.jit(b -> Lax.sin(v(b[0]))).apply(Lax.cos(v(a[0]))));
    // from jax 0.10.2: jax.jit(lambda x: jax.jit(lambda y: lax.sin(y))(lax.cos(x)))
    assertEquals("{ lambda ; a:f32[]. let\n    b:f32[] = jit[\n      name=<lambda>\n"
        + "      jaxpr={ lambda ; a:f32[]. let\n          c:f32[] = cos a\n"
        + "          b:f32[] = jit[\n            name=<lambda>\n"
        + "            jaxpr={ lambda ; c:f32[]. let b:f32[] = sin c in (b,) }\n          ] c\n"
        + "        in (b,) }\n    ] a\n  in (b,) }",
        MakeJaxpr.makeJaxpr(h).apply(ShapedArray.of(DType.FLOAT32)).toString());
  }

  @Test
  void staticValuesAreStagedAsLiterals() {
    Jitted g = Jit.jit(a -> Lax.mul(v(a[0]), Array.weak((Double) a[1]))).staticArgnums(1);
    // from jax 0.10.2: g = jax.jit(lambda x, n: lax.mul(x, n), static_argnums=1); g(x, 2.0)
    assertEquals("{ lambda ; a:f32[]. let\n    b:f32[] = jit[\n      name=<lambda>\n"
        + "      jaxpr={ lambda ; a:f32[]. let b:f32[] = mul a 2.0:f32[] in (b,) }\n    ] a\n"
        + "  in (b,) }",
        MakeJaxpr.makeJaxpr(a -> g.apply(a[0], 2.0)).apply(ShapedArray.of(DType.FLOAT32)).toString());
  }

  @Test
  void namesAndPytreeOutputsPrintLikeJax() {
    DotDimensionNumbers matmul = DotDimensionNumbers.of(new int[] {1}, new int[] {0});
    Jitted h = Jit.jit(a -> Tuple.of(Lax.dotGeneral(v(a[0]), v(a[1]), matmul, DType.FLOAT32),
        Tuple.of(Lax.sin(v(a[0])), Map.of("z", a[1])))).name("h");
    // from jax 0.10.2 (a jitted function named h returning (x @ y, (sin(x), {'z': y})))
    assertEquals("{ lambda ; a:f32[2,3] b:f32[3,4]. let\n    c:f32[2,4] d:f32[2,3] e:f32[3,4] = jit[\n"
        + "      name=h\n      jaxpr={ lambda ; a:f32[2,3] b:f32[3,4]. let\n          c:f32[2,4] = "
        + "dot_general[\n            dimension_numbers=(([1], [0]), ([], []))\n"
        + "            preferred_element_type=float32\n          ] a b\n          d:f32[2,3] = sin a\n"
        + "        in (c, d, b) }\n    ] a b\n  in (c, d, e) }",
        MakeJaxpr.makeJaxpr(h).apply(ShapedArray.of(DType.FLOAT32, 2, 3),
            ShapedArray.of(DType.FLOAT32, 3, 4)).toString());
  }

  @Test
  void sharedAndLargeSubJaxprsArePrintedOnce() {
    Jitted g = Jit.jit(a -> Lax.mul(v(a[0]), v(a[0])));
    // from jax 0.10.2
    assertEquals("let lambda = { lambda ; a:f32[2,3]. let b:f32[2,3] = mul a a in (b,) } in\n"
        + "{ lambda ; c:f32[2,3]. let\n    d:f32[2,3] = jit[name=<lambda> jaxpr=lambda] c\n"
        + "    e:f32[2,3] = jit[name=<lambda> jaxpr=lambda] d\n  in (e,) }",
        MakeJaxpr.makeJaxpr(a -> g.apply(g.apply(a[0]))).apply(ShapedArray.of(DType.FLOAT32, 2, 3))
            .toString());
    Jitted big = Jit.jit(a -> {
      Value y = v(a[0]);
      for (int i = 0; i < 11; i++) {
        y = Lax.add(y, Array.weak(1.0));
      }
      return y;
    }).name("big");
    // from jax 0.10.2 (a jitted function named big adding 1.0 eleven times to a float32 scalar)
    StringBuilder body = new StringBuilder("let big = { lambda ; a:f32[]. let\n");
    for (char c = 'b'; c <= 'l'; c++) {
      body.append("    ").append(c).append(":f32[] = add ").append((char) (c - 1)).append(" 1.0:f32[]\n");
    }
    body.append("  in (l,) } in\n{ lambda ; m:f32[]. let n:f32[] = jit[name=big jaxpr=big] m in (n,) }");
    assertEquals(body.toString(), MakeJaxpr.makeJaxpr(big).apply(ShapedArray.of(DType.FLOAT32)).toString());
  }

  @Test
  void constantsAndInputsAsOutputs() {
    assertEquals(Array.weak(1.0), Jit.jit(a -> 1.0).apply());
    Array x = Array.of(new float[] {1, 2}, 2);
    assertEquals(Tuple.of(x, Array.weak(3)), Jit.jit(a -> Tuple.of(a[0], 3)).apply(x));
  }

  @Test
  void scalarsAndZeroSizeArrays() {
    Jitted j = Jit.jit(a -> Jnp.sum(Lax.sin(v(a[0]))));
    assertEquals(Array.scalar(0f), j.apply(Jnp.zeros(0, 3)));
    assertEquals(Lax.sin(Array.scalar(0.3f)), Jit.jit(a -> Lax.sin(v(a[0]))).apply(Array.scalar(0.3f)));
  }

  @Test
  void concreteValuesCannotBeReadUnderJit() {
    Value key = Random.key(0);
    TreeFunction perm = a -> Random.permutation(key, v(a[0]));
    assertEquals(List.of(3), List.of(((Value) perm.apply(Array.scalar(3))).shape().dim(0)));
    ConcretizationTypeError e = assertThrows(ConcretizationTypeError.class,
        () -> Jit.jit(perm).apply(Array.scalar(3)));
    // from jax 0.10.2 (the lines naming the value and the operation)
    assertTrue(e.getMessage().startsWith("Abstract tracer value encountered where concrete value "
        + "is expected: traced array with shape int32[]\nargument x of jax.random.permutation()\n"),
        e.getMessage());
    ConcretizationTypeError choice = assertThrows(ConcretizationTypeError.class,
        () -> Jit.jit(a -> Random.choice(key, v(a[0]), new int[] {2}, true, null, 0))
            .apply(Array.scalar(3)));
    assertTrue(choice.getMessage().contains("int32[]\nThe error occurred in jax.random.choice()"),
        choice.getMessage());
  }

  @Test
  void booleanMasksMustBeConcreteUnderJit() {
    TreeFunction masked = a -> Jnp.index(v(a[0]), Index.array(Jnp.greater(a[0], 0)));
    Array x = Array.of(new float[] {1, -1, 2}, 3);
    assertEquals(Array.of(new float[] {1, 2}, 2), masked.apply(x));
    NonConcreteBooleanIndexError e = assertThrows(NonConcreteBooleanIndexError.class,
        () -> Jit.jit(masked).apply(x));
    // from jax 0.10.2
    assertEquals("Array boolean indices must be concrete; got bool[3]\n\n"
        + "See https://docs.jax.dev/en/latest/errors.html#jax.errors.NonConcreteBooleanIndexError",
        e.getMessage());
    assertInstanceOf(ConcretizationTypeError.class, e);
  }

  @Test
  void pjitChecksItsArguments() {
    ClosedJaxpr jaxpr = MakeJaxpr.makeJaxpr(a -> Lax.sin(v(a[0]))).apply(ShapedArray.of(DType.FLOAT32, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Pjit.call(jaxpr, "f", List.of(Array.of(new float[] {1, 2, 3}, 3))));
    assertEquals("jit: f: argument 0 has type f32[3] but the jaxpr expects f32[2]", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Pjit.call(jaxpr, "f", List.of()));
  }
}
