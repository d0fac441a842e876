package dev.flaxj.transform.jvp;

import static dev.flaxj.transform.jvp.JvpTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public jvp: pytrees, symbolic zeros, has_aux, nesting and JAX's errors. */
class JvpApiTest {
  private static double scalar(Object v) {
    return doubles((Value) v)[0];
  }

  /** The tangent of {@code f} at scalar {@code x} along 1 (float32, as Python floats). */
  private static Value derivative(TreeFunction f, Object x) {
    return (Value) Jvp.jvp(f, new Object[] {x}, new Object[] {1.0}).tangentOut();
  }

  @Test
  void pytreesInAndOut() {
    Map<String, Object> primal = Map.of("a", f32(1f, 2f), "b", List.of(f32(3f), 0.5));
    Map<String, Object> tangent = Map.of("a", f32(1f, -1f), "b", List.of(f32(2f), 4.0));
    @SuppressWarnings("unchecked")
    JvpOutput out = Jvp.jvp(args -> {
      Map<String, Object> d = (Map<String, Object>) args[0];
      List<Object> b = (List<Object>) d.get("b");
      Value a = (Value) d.get("a");
      Value s = Jnp.multiply(a, b.get(0));
      return Tuple.of(s, Map.of("c", Jnp.cos(b.get(1))));
    }, new Object[] {primal}, new Object[] {tangent});
    Tuple p = (Tuple) out.primalOut();
    Tuple t = (Tuple) out.tangentOut();
    assertExactly(new float[] {3f, 6f}, (Value) p.get(0));
    // d(a * b0) = da * b0 + a * db0
    assertExactly(new float[] {1 * 3f + 1 * 2f, -1 * 3f + 2 * 2f}, (Value) t.get(0));
    Value dc = (Value) ((Map<?, ?>) t.get(1)).get("c");
    assertClose(new double[] {-Math.sin(0.5) * 4}, dc, 1e-6);
    assertNull(out.aux());
  }

  @Test
  void nestedJvpKeepsPerturbationsApart() {
    // d/dx [x * d/dy (x * y)] = d/dx x^2 = 2x; from jax 0.10.2: (9., 6.) at x = 3
    JvpOutput out = Jvp.jvp(a -> Lax.mul((Value) a[0], derivativeInY(a[0])),
        new Object[] {3.0}, new Object[] {1.0});
    assertEquals(9.0, scalar(out.primalOut()));
    assertEquals(6.0, scalar(out.tangentOut()));
    // Siskind & Pearlmutter: d/dx [x * d/dy (x + y)] = 1; confusing the two gives 2
    Value d = derivative(a -> Lax.mul((Value) a[0], (Value) Jvp.jvp(b -> Lax.add(
        (Value) a[0], (Value) b[0]), new Object[] {1.0}, new Object[] {1.0}).tangentOut()), 3.0);
    assertEquals(1.0, doubles(d)[0]);
    // an inner function returning the outer variable: its inner derivative is 0
    Value zero = derivative(a -> Lax.mul((Value) a[0], (Value) Jvp.jvp(b -> a[0],
        new Object[] {1.0}, new Object[] {1.0}).tangentOut()), 3.0);
    assertEquals(0.0, doubles(zero)[0]);
  }

  private static Value derivativeInY(Object x) {
    return (Value) Jvp.jvp(b -> Lax.mul((Value) x, (Value) b[0]), new Object[] {2.0},
        new Object[] {1.0}).tangentOut();
  }

  @Test
  void jvpOfJvpGivesHigherDerivatives() {
    TreeFunction dTanh = a -> derivative(b -> Lax.tanh((Value) b[0]), a[0]);
    TreeFunction d2Tanh = a -> derivative(dTanh, a[0]);
    // from jax 0.10.2: jax.jvp(lambda x: jax.jvp(jnp.tanh, (x,), (1.,))[1], (0.5,), (1.,))
    JvpOutput second = Jvp.jvp(dTanh, new Object[] {0.5}, new Object[] {1.0});
    assertJax(new float[] {0.7864477f}, (Value) second.primalOut());
    assertJax(new float[] {-0.7268621f}, (Value) second.tangentOut());
    // from jax 0.10.2: the third derivative, -0.56520915
    assertJax(new float[] {-0.56520915f}, derivative(d2Tanh, 0.5));
  }

  @Test
  void rulesCanBeDifferentiatedAgain() {
    List<java.util.function.Function<List<Value>, List<Value>>> fs = List.of(
        xs -> List.of(Lax.logistic(xs.get(0))),
        xs -> List.of(Lax.pow(xs.get(0), Lax.rev(xs.get(0), 0))),
        xs -> List.of(Lax.max(xs.get(0), Lax.rev(xs.get(0), 0))),
        xs -> List.of(Lax.reduceProd(xs.get(0), 0)),
        xs -> List.of(Lax.cumprod(xs.get(0), 0, false)),
        xs -> List.of(Lax.cummax(xs.get(0), 0, true)),
        xs -> Lax.sort(0, true, 1, Lax.sin(xs.get(0))),
        xs -> Lax.qr(Lax.reshape(xs.get(0), 2, 2)),
        xs -> List.of(Lax.integerPow(xs.get(0), 4)));
    Array x = f64(0.75, 1.5, 0.5, 2.0);
    Array t = f64(1.0, -0.5, 2.0, 0.25);
    for (var f : fs) {
      checkFd(xs -> jvpTangents(f, xs, List.of(t)), List.of(x), List.of(f64(0.5, 1, -1, 2)), 1e-6);
    }
  }

  @Test
  void integerInputsAndOutputsHaveZeroTangents() {
    Value i = Array.scalar(3);
    JvpOutput out = Jvp.jvp(a -> Tuple.of(Lax.mul((Value) a[0], (Value) a[0]),
        Lax.mul((Value) a[1], Lax.convertElementType((Value) a[0], DType.FLOAT32))),
        new Object[] {i, Array.scalar(2f)}, new Object[] {Zero.of(i.aval()), Array.scalar(1f)});
    Tuple t = (Tuple) out.tangentOut();
    assertTrue(Zero.is((Value) t.get(0)), "the tangent of an int output is float0 (a Zero)");
    assertEquals(9, ((Array) ((Tuple) out.primalOut()).get(0)).toIntArray()[0]);
    assertEquals(3.0, scalar(t.get(1)));
  }

  @Test
  void comparisonsStopTangents() {
    JvpOutput out = Jvp.jvp(a -> {
      Value x = (Value) a[0];
      Value positive = Lax.gt(x, Fill.like(x, 0));
      return Tuple.of(positive, Lax.mul(x, Lax.convertElementType(positive, DType.FLOAT32)));
    }, new Object[] {f32(-1f, 2f)}, new Object[] {f32(5f, 7f)});
    Tuple t = (Tuple) out.tangentOut();
    assertTrue(Zero.is((Value) t.get(0)));
    assertExactly(new float[] {0f, 7f}, (Value) t.get(1));
  }

  @Test
  void symbolicZerosStayZeroInsideAndAreFilledOutside() {
    Value x = f64(1, 2);
    JvpResult flat = Jvp.jvpFlat(List.of(x, x), List.of(Zero.of(x.aval()), f64(1, 1)),
        xs -> List.of(Lax.sin(xs.get(0)), Lax.mul(xs.get(0), xs.get(1)), f64(7, 7)));
    assertTrue(Zero.is(flat.tangentsOut().get(0)));
    assertClose(new double[] {1, 2}, flat.tangentsOut().get(1), 0);
    assertTrue(Zero.is(flat.tangentsOut().get(2)));
    JvpOutput out = Jvp.jvp(a -> Tuple.of(2.0, a[0]), new Object[] {f32(1f)},
        new Object[] {f32(4f)});
    Tuple t = (Tuple) out.tangentOut();
    assertEquals(new ShapedArray(dev.flaxj.array.Shape.SCALAR, DType.FLOAT32, false),
        ((Value) t.get(0)).aval());
    assertEquals(0.0, scalar(t.get(0)));
    assertEquals(4.0, scalar(t.get(1)));
  }

  @Test
  void hasAuxReturnsTheAuxiliaryPrimals() {
    // from jax 0.10.2: jax.jvp(lambda x: (x * 2, x), (1.,), (1.,), has_aux=True) == (2, 2, 1)
    JvpOutput out = Jvp.jvp(a -> Tuple.of(Lax.mul((Value) a[0], Array.weak(2.0)),
        Map.of("x", a[0], "tag", "label")), new Object[] {1.0}, new Object[] {1.0}, true);
    assertEquals(2.0, scalar(out.primalOut()));
    assertEquals(2.0, scalar(out.tangentOut()));
    Map<?, ?> aux = (Map<?, ?>) out.aux();
    assertTrue(aux.get("x") instanceof Array, "aux holds primals, not tracers");
    assertEquals(1.0, scalar(aux.get("x")));
    assertEquals("label", aux.get("tag"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Jvp.jvp(a -> a[0], new Object[] {1.0}, new Object[] {1.0}, true));
    assertTrue(e.getMessage().startsWith("has_aux=True requires the function to return a pair"));
  }

  @Test
  void mismatchedArgumentsFailWithJaxsMessages() {
    TreeFunction f = a -> Lax.mul((Value) a[0], (Value) a[1]);
    // from jax 0.10.2: the messages of jax.jvp
    assertEquals("primal and tangent arguments to jax.jvp must have the same tree structure; "
        + "primals have tree structure PyTreeDef((*, *)) whereas tangents have tree structure "
        + "PyTreeDef((*,)).", assertThrows(IllegalArgumentException.class,
            () -> Jvp.jvp(f, new Object[] {1.0, 2.0}, new Object[] {1.0})).getMessage());
    assertEquals("primal and tangent arguments to jax.jvp do not match; dtypes must be equal, "
        + "or in case of int/bool primal dtype the tangent dtype must be float0.Got primal dtype "
        + "float32 and so expected tangent dtype float32, but got tangent dtype float64 instead.",
        assertThrows(IllegalArgumentException.class, () -> Jvp.jvp(f,
            new Object[] {f32(1f), f32(2f)}, new Object[] {f64(1), f32(1f)})).getMessage());
    assertEquals("primal and tangent arguments to jax.jvp do not match; dtypes must be equal, "
        + "or in case of int/bool primal dtype the tangent dtype must be float0.Got primal dtype "
        + "int32 and so expected tangent dtype [('float0', 'V')], but got tangent dtype int32 "
        + "instead.", assertThrows(IllegalArgumentException.class, () -> Jvp.jvp(a -> a[0],
            new Object[] {Array.scalar(3)}, new Object[] {Array.scalar(1)})).getMessage());
    assertEquals("jvp called with different primal and tangent shapes;Got primal shape (3,) and "
        + "tangent shape as (2,)", assertThrows(IllegalArgumentException.class, () -> Jvp.jvp(
            a -> a[0], new Object[] {f32(1f, 2f, 3f)}, new Object[] {f32(1f, 2f)})).getMessage());
  }

  @Test
  void primitivesWithoutARuleFailAsInJax() {
    // from jax 0.10.2: NotImplementedError: Differentiation rule for 'nextafter' not implemented
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> Jvp.jvp(a -> Lax.nextafter((Value) a[0], (Value) a[1]),
            new Object[] {1.0, 2.0}, new Object[] {1.0, 1.0}));
    assertEquals("Differentiation rule for 'nextafter' not implemented", e.getMessage());
  }

  @Test
  void everyLaxPrimitiveHasARuleExceptThoseJaxLacks() throws IllegalAccessException {
    List<dev.flaxj.lax.Primitive> none = List.of(dev.flaxj.lax.ElementwisePrimitives.NEXTAFTER,
        dev.flaxj.lax.CollectivePrimitives.PMAX, dev.flaxj.lax.CollectivePrimitives.PMIN);
    int count = 0;
    for (Class<?> c : new Class<?>[] {dev.flaxj.lax.ElementwisePrimitives.class,
        dev.flaxj.lax.ShapePrimitives.class, dev.flaxj.lax.IndexingPrimitives.class,
        dev.flaxj.lax.ReductionPrimitives.class, dev.flaxj.lax.RandomPrimitives.class,
        dev.flaxj.lax.LinalgPrimitives.class, dev.flaxj.lax.CollectivePrimitives.class}) {
      for (java.lang.reflect.Field f : c.getFields()) {
        if (dev.flaxj.lax.Primitive.class.isAssignableFrom(f.getType())) {
          dev.flaxj.lax.Primitive p = (dev.flaxj.lax.Primitive) f.get(null);
          if (!none.contains(p)) {
            JvpRules.get(p);
            count++;
          }
        }
      }
    }
    JvpRules.get(dev.flaxj.lax.SortPrimitive.SORT);
    JvpRules.get(dev.flaxj.lax.DotGeneralPrimitive.DOT_GENERAL);
    assertTrue(count > 60, "found " + count);
  }
}
