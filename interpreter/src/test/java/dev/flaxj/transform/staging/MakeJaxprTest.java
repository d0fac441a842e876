package dev.flaxj.transform.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * make_jaxpr output compared with the text JAX prints. Every expected string is
 * {@code str(jax.make_jaxpr(f)(...))} from jax 0.10.2 for the same function written with
 * {@code jax.lax} calls, unless a comment says where our primitives' parameters differ.
 */
class MakeJaxprTest {
  private static final DotDimensionNumbers MATMUL =
      DotDimensionNumbers.of(new int[] {1}, new int[] {0});

  private static ShapedArray f32(int... dims) {
    return ShapedArray.of(DType.FLOAT32, dims);
  }

  private static Value v(Object arg) {
    return (Value) arg;
  }

  private static String jaxpr(dev.flaxj.transform.TreeFunction f, Object... args) {
    return MakeJaxpr.makeJaxpr(f).apply(args).toString();
  }

  @Test
  void equationsOnOneLineOrSeveral() {
    // from jax 0.10.2
    assertEquals("{ lambda ; a:f32[3]. let\n    b:f32[3] = sin a\n    c:f32[3] = cos a\n"
        + "    d:f32[3] = mul b c\n  in (d,) }",
        jaxpr(a -> Lax.mul(Lax.sin(v(a[0])), Lax.cos(v(a[0]))), f32(3)));
    // from jax 0.10.2 (lax.mul(lax.sin(x), 2.0) on a float32 scalar; lax here does not broadcast
    // a scalar against f32[3] as JAX's does)
    assertEquals("{ lambda ; a:f32[]. let b:f32[] = sin a; c:f32[] = mul b 2.0:f32[] in (c,) }",
        jaxpr(a -> Lax.mul(Lax.sin(v(a[0])), Array.weak(2.0)), f32()));
  }

  @Test
  void parametersFlatOrBroken() {
    // from jax 0.10.2
    assertEquals("{ lambda ; a:f32[2,3] b:f32[3,4]. let\n"
        + "    c:f32[2,4] = dot_general[dimension_numbers=(([1], [0]), ([], []))] a b\n  in (c,) }",
        jaxpr(a -> Lax.dotGeneral(v(a[0]), v(a[1]), MATMUL), f32(2, 3), f32(3, 4)));
    // from jax 0.10.2
    assertEquals("{ lambda ; a:f32[2,3] b:f32[3,4]. let\n    c:f32[2,4] = dot_general[\n"
        + "      dimension_numbers=(([1], [0]), ([], []))\n      preferred_element_type=float32\n"
        + "    ] a b\n  in (c,) }",
        jaxpr(a -> Lax.dotGeneral(v(a[0]), v(a[1]), MATMUL, DType.FLOAT32), f32(2, 3), f32(3, 4)));
    // from jax 0.10.2
    assertEquals("{ lambda ; a:f32[2,3]. let\n"
        + "    b:i32[2,3] = convert_element_type[new_dtype=int32 weak_type=False] a\n  in (b,) }",
        jaxpr(a -> Lax.convertElementType(v(a[0]), DType.INT32), f32(2, 3)));
    // from jax 0.10.2
    assertEquals("{ lambda ; a:f32[2,3]. let\n    b:f32[3,2] = transpose[permutation=(1, 0)] a\n"
        + "  in (b,) }", jaxpr(a -> Lax.transpose(v(a[0]), 1, 0), f32(2, 3)));
  }

  @Test
  void primitivesWithFewerParametersThanJax() {
    // jax 0.10.2 prints reduce_sum[axes=(0,) out_sharding=None] and
    // reshape[dimensions=None new_sizes=(3, 2) sharding=None]: our primitives have no sharding
    // (nor reshape's dimensions) parameters; otherwise the text is JAX's.
    assertEquals("{ lambda ; a:f32[2,3]. let b:f32[3] = reduce_sum[axes=(0,)] a in (b,) }",
        jaxpr(a -> Lax.reduceSum(v(a[0]), 0), f32(2, 3)));
    assertEquals("{ lambda ; a:f32[2,3]. let b:f32[3,2] = reshape[new_sizes=(3, 2)] a in (b,) }",
        jaxpr(a -> Lax.reshape(v(a[0]), 3, 2), f32(2, 3)));
  }

  @Test
  void closedOverArraysBecomeConstvarsOnce() {
    Value d = Jnp.arange(3.0);
    // from jax 0.10.2
    assertEquals("{ lambda a:f32[3]; b:f32[3]. let\n    c:f32[3] = add b a\n    d:f32[3] = add c a\n"
        + "  in (d,) }", jaxpr(a -> Lax.add(Lax.add(v(a[0]), d), d), f32(3)));
    // Primitives applied to constants only are staged too (from jax 0.10.2).
    assertEquals("{ lambda a:f32[3]; b:f32[3]. let c:f32[3] = sin a; d:f32[3] = add b c in (d,) }",
        jaxpr(a -> Lax.add(v(a[0]), Lax.sin(d)), f32(3)));
  }

  @Test
  void closedJaxprKeepsTheConstantValues() {
    Value d = Jnp.arange(3.0);
    var closed = MakeJaxpr.makeJaxpr(a -> Lax.add(v(a[0]), d)).apply(f32(3));
    assertEquals(1, closed.consts().size());
    assertEquals(d, closed.consts().get(0));
  }

  @Test
  void unusedOutputsPrintAsUnderscore() {
    // from jax 0.10.2
    assertEquals("{ lambda ; a:f32[3]. let _:f32[3] = sin a in (a,) }",
        jaxpr(a -> {
          Lax.sin(v(a[0]));
          return a[0];
        }, f32(3)));
  }

  @Test
  void longBinderListsWrap() {
    Object[] args = new Object[12];
    java.util.Arrays.fill(args, f32(20, 30));
    // from jax 0.10.2 (functools.reduce(lax.add, args))
    assertEquals("{ lambda ; a:f32[20,30] b:f32[20,30] c:f32[20,30] d:f32[20,30] e:f32[20,30] "
        + "f:f32[20,30]\n    g:f32[20,30] h:f32[20,30] i:f32[20,30] j:f32[20,30] k:f32[20,30] "
        + "l:f32[20,30]. let\n    m:f32[20,30] = add a b\n    n:f32[20,30] = add m c\n"
        + "    o:f32[20,30] = add n d\n    p:f32[20,30] = add o e\n    q:f32[20,30] = add p f\n"
        + "    r:f32[20,30] = add q g\n    s:f32[20,30] = add r h\n    t:f32[20,30] = add s i\n"
        + "    u:f32[20,30] = add t j\n    v:f32[20,30] = add u k\n    w:f32[20,30] = add v l\n"
        + "  in (w,) }", jaxpr(a -> {
          Value acc = v(a[0]);
          for (int i = 1; i < a.length; i++) {
            acc = Lax.add(acc, v(a[i]));
          }
          return acc;
        }, args));
  }

  @Test
  void literalsPrintLikePythonScalars() {
    // from jax 0.10.2, for (1.0, jnp.int32(1), jnp.uint32(2), True)
    assertEquals("{ lambda ; a:f32[] b:i32[] c:u32[] d:bool[]. let\n    e:f32[] = add a 1e-08:f32[]\n"
        + "    f:f32[] = add e inf:f32[]\n    g:f32[] = add f 0.1:f32[]\n"
        + "    h:f32[] = add g 1e+20:f32[]\n    i:i32[] = add b 3:i32[]\n"
        + "    j:u32[] = add c 7:u32[]\n    k:bool[] = and d True:bool[]\n"
        + "    l:f32[] = sub a nan:f32[]\n  in (h, i, j, k, l) }",
        jaxpr(a -> {
          Value x = v(a[0]);
          Value sum = Lax.add(Lax.add(Lax.add(Lax.add(x, Array.weak(1e-8)),
              Array.weak(Double.POSITIVE_INFINITY)), Array.weak(0.1)), Array.weak(1e20));
          return Tuple.of(sum, Lax.add(v(a[1]), Array.weak(3)),
              Lax.add(v(a[2]), Array.ofUint32(new int[] {7})), Lax.and(v(a[3]), Array.scalar(true)),
              Lax.sub(x, Array.weak(Double.NaN)));
        }, 1.0, Array.scalar(1), Array.ofUint32(new int[] {2}), true));
  }

  @Test
  void floatLiteralsUsePythonReprForms() {
    double[] values = {1e16, 1e15, 1e-4, 1e-5, 123.25, -0.0, 2.5e-7, -3.75, 65504.0};
    // from jax 0.10.2 (lax.add(x, v) for each v, x = 1.0)
    assertEquals("{ lambda ; a:f32[]. let\n    b:f32[] = add a 1e+16:f32[]\n"
        + "    c:f32[] = add a 1000000000000000.0:f32[]\n    d:f32[] = add a 0.0001:f32[]\n"
        + "    e:f32[] = add a 1e-05:f32[]\n    f:f32[] = add a 123.25:f32[]\n"
        + "    g:f32[] = add a -0.0:f32[]\n    h:f32[] = add a 2.5e-07:f32[]\n"
        + "    i:f32[] = add a -3.75:f32[]\n    j:f32[] = add a 65504.0:f32[]\n"
        + "  in (b, c, d, e, f, g, h, i, j) }", jaxpr(a -> {
          java.util.List<Value> outs = new java.util.ArrayList<>();
          for (double d : values) {
            outs.add(Lax.add(v(a[0]), Array.weak(d)));
          }
          return outs;
        }, 1.0));
    // from jax 0.10.2
    assertEquals("{ lambda ; a:i32[]. let b:i32[] = add a -2147483648:i32[] in (b,) }",
        jaxpr(a -> Lax.add(v(a[0]), Array.weak(Integer.MIN_VALUE)), Array.scalar(1)));
    assertEquals("{ lambda ; a:u32[]. let b:u32[] = add a 4294967295:u32[] in (b,) }",
        jaxpr(a -> Lax.add(v(a[0]), Array.ofUint32(new int[] {-1})), Array.ofUint32(new int[] {1})));
  }

  @Test
  void tuplesOfJaxprsPrintOnePerLine() {
    // from jax 0.10.2: lax.cond(x > 0, lambda x: x, lambda x: -x, x)
    assertEquals("{ lambda ; a:f32[]. let\n    b:bool[] = gt a 0.0:f32[]\n"
        + "    c:i32[] = convert_element_type[new_dtype=int32 weak_type=False] b\n"
        + "    d:f32[] = cond[\n      branches=(\n"
        + "        { lambda ; e:f32[]. let f:f32[] = neg e in (f,) }\n"
        + "        { lambda ; g:f32[]. let  in (g,) }\n      )\n    ] c a\n  in (d,) }",
        jaxpr(a -> ControlFlow.cond(Lax.gt(v(a[0]), Array.weak(0.0)), b -> b[0],
            b -> Lax.neg(v(b[0])), a[0]), f32()));
  }

  @Test
  void trivialJaxprs() {
    // from jax 0.10.2
    assertEquals("{ lambda ; . let  in (1.0:f32[],) }", jaxpr(a -> 1.0));
    assertEquals("{ lambda ; a:f32[3]. let  in (a,) }", jaxpr(a -> a[0], f32(3)));
    assertEquals("{ lambda ; a:f32[]. let b:f32[] = mul a 2.0:f32[] in (b,) }",
        jaxpr(a -> Lax.mul(v(a[0]), Array.weak(2.0)), 1.0));
    assertEquals("{ lambda ; a:i32[]. let b:i32[] = add a 1:i32[] in (a, b) }",
        jaxpr(a -> Tuple.of(a[0], Map.of("a", Lax.add(v(a[0]), Array.weak(1)))), 1));
  }

  @Test
  void weakTypesAreKeptButNotPrinted() {
    var closed = MakeJaxpr.makeJaxpr(a -> Lax.mul(v(a[0]), Array.weak(2.0))).apply(1.0);
    assertEquals(true, closed.inAvals().get(0).weakType());
    assertEquals(true, closed.outAvals().get(0).weakType());
  }

  @Test
  void staticArgnumsArePassedThrough() {
    var maker = MakeJaxpr.makeJaxpr(a -> Lax.reshape(v(a[0]), (int[]) a[1])).staticArgnums(1);
    assertEquals("{ lambda ; a:f32[2,3]. let b:f32[6] = reshape[new_sizes=(6,)] a in (b,) }",
        maker.apply(f32(2, 3), new int[] {6}).toString());
  }

  @Test
  void outputStructureAndShapes() {
    MakeJaxpr maker = MakeJaxpr.makeJaxpr(a -> Map.of("s", Lax.sin(v(a[0])), "t", a[1]));
    var closed = maker.apply(f32(2), Array.scalar(3));
    assertEquals(2, maker.outTree().numLeaves());
    assertEquals(ShapedArray.of(DType.INT32), closed.outAvals().get(1));
    assertEquals(Map.of("s", f32(2), "t", ShapedArray.of(DType.INT32)),
        EvalShape.evalShape(a -> Map.of("s", Lax.sin(v(a[0])), "t", a[1]), f32(2),
            Array.scalar(3)));
  }

  @Test
  void zeroSizeAndScalarShapes() {
    assertEquals("{ lambda ; a:f32[0,3]. let b:f32[0,3] = sin a in (b,) }",
        jaxpr(a -> Lax.sin(v(a[0])), f32(0, 3)));
  }
}
