package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.tree.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code grad} and {@code value_and_grad} against values computed by jax 0.10.2. */
class GradTest {
  private static final Array X3 = Close.f32(0.5f, -1f, 2f);

  private static Value v(Object o) {
    return (Value) o;
  }

  @Test
  void polynomial() {
    Object g = Grad.grad(a -> {
      Value x = v(a[0]);
      return Jnp.add(Jnp.subtract(Jnp.multiply(3, Jnp.multiply(x, Jnp.multiply(x, x))),
          Jnp.multiply(2, Jnp.multiply(x, x))), Jnp.subtract(x, 5));
    }).apply(1.5);
    Close.scalar(v(g), 15.25); // from jax 0.10.2
  }

  @Test
  void tanhAndLogistic() {
    Close.f32(v(Grad.grad(a -> Jnp.sum(Jnp.tanh(a[0]))).apply(X3)), new int[] {3},
        0.7864477038383484, 0.41997432708740234, 0.07065081596374512); // from jax 0.10.2
    Close.f32(v(Grad.grad(a -> Jnp.sum(Lax.logistic(v(a[0])))).apply(X3)), new int[] {3},
        0.23500370979309082, 0.1966119408607483, 0.10499362647533417); // from jax 0.10.2
  }

  private static Value w() {
    return Jnp.subtract(Jnp.multiply(Jnp.reshape(Jnp.arange(6.0), 3, 2), 0.25), 0.5);
  }

  @Test
  void dotWithArgnumsTuple() {
    Tuple g = (Tuple) Grad.grad(a -> Jnp.sum(Jnp.power(Jnp.dot(a[1], a[0]), 2)))
        .argnums(0, 1).apply(w(), X3);
    // from jax 0.10.2
    Close.f32(v(g.get(0)), new int[] {3, 2}, 0.75, 1.125, -1.5, -2.25, 3.0, 4.5);
    Close.f32(v(g.get(1)), new int[] {3}, -1.3125, 0.5625, 2.4375);
  }

  private static Value range(int[] shape, double scale, double shift) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return Jnp.add(Jnp.multiply(Jnp.reshape(Jnp.arange((double) n), shape), scale), shift);
  }

  private static Object mlp(Object[] a) {
    @SuppressWarnings("unchecked")
    Map<String, Object> p = (Map<String, Object>) a[0];
    Value h = Jnp.tanh(Jnp.add(Jnp.matmul(a[1], p.get("W1")), p.get("b1")));
    return Jnp.mean(Jnp.power(Jnp.add(Jnp.matmul(h, p.get("W2")), p.get("b2")), 2));
  }

  @Test
  void mlpValueAndGrad() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("W1", range(new int[] {3, 4}, 0.1, -0.5));
    params.put("b1", range(new int[] {4}, 0.05, 0));
    params.put("W2", range(new int[] {4, 2}, -0.2, 0.7));
    params.put("b2", Close.f32(0.1f, -0.1f));
    Value x = range(new int[] {5, 3}, 0.1, -0.7);
    Tuple vg = (Tuple) Grad.valueAndGrad(GradTest::mlp).apply(params, x);
    // from jax 0.10.2
    Close.scalar(v(vg.get(0)), 0.09185103327035904);
    @SuppressWarnings("unchecked")
    Map<String, Object> g = (Map<String, Object>) vg.get(1);
    Close.f32(v(g.get("W1")), new int[] {3, 4}, -0.10901246964931488, -0.03776359558105469,
        0.03313290327787399, 0.09238019585609436, -0.11700153350830078, -0.038159750401973724,
        0.039186615496873856, 0.1021827831864357, -0.12499059736728668, -0.03855590522289276,
        0.04524032771587372, 0.11198537796735764);
    Close.f32(v(g.get("b1")), new int[] {4}, -0.07989063858985901, -0.003961566835641861,
        0.060537129640579224, 0.09802593290805817);
    Close.f32(v(g.get("W2")), new int[] {4, 2}, 0.03268910199403763, 0.013400395400822163,
        0.009015124291181564, -0.03225364536046982, -0.014322691597044468, -0.07595502585172653,
        -0.036074548959732056, -0.11494346708059311);
    Close.f32(v(g.get("b2")), new int[] {2}, 0.06973735243082047, -0.2495010793209076);
  }

  @Test
  void perturbationsOfNestedGradsStayApart() {
    // grad(lambda x: grad(lambda y: x * y)(1.))(2.) == 1.0, from jax 0.10.2
    Object g = Grad.grad(a -> Grad.grad(b -> Jnp.multiply(a[0], b[0])).apply(1.0)).apply(2.0);
    Close.scalar(v(g), 1.0);
    // grad(lambda x: x * grad(lambda y: x * y * y)(3.))(2.) == 24.0, from jax 0.10.2
    Object g2 = Grad.grad(a -> Jnp.multiply(a[0],
        Grad.grad(b -> Jnp.multiply(Jnp.multiply(a[0], b[0]), b[0])).apply(3.0))).apply(2.0);
    Close.scalar(v(g2), 24.0);
  }

  @Test
  void stopGradient() {
    // grad(lambda x: stop_gradient(x) * x)(3.) == 3.0, from jax 0.10.2
    Object g = Grad.grad(a -> Jnp.multiply(StopGradient.stopGradient(v(a[0])), a[0])).apply(3.0);
    Close.scalar(v(g), 3.0);
  }

  @Test
  void hasAuxReturnsTheAuxUntouched() {
    Tuple r = (Tuple) Grad.grad(a -> Tuple.of(Jnp.sum(Jnp.tanh(a[0])), Tuple.of(Jnp.sin(a[0]), "tag")))
        .hasAux(true).apply(X3);
    Close.f32(v(r.get(0)), new int[] {3},
        0.7864477038383484, 0.41997432708740234, 0.07065081596374512); // from jax 0.10.2
    Tuple aux = (Tuple) r.get(1);
    Close.same(v(aux.get(0)), Jnp.sin(X3));
    assertEquals("tag", aux.get(1));
    Tuple vg = (Tuple) Grad.valueAndGrad(a -> Tuple.of(Jnp.sum(v(a[0])), a[0])).hasAux(true).apply(X3);
    Tuple valueAux = (Tuple) vg.get(0);
    Close.scalar(v(valueAux.get(0)), 1.5);
    Close.same(v(valueAux.get(1)), X3);
  }

  @Test
  void secondDerivativeByGradOfGrad() {
    Object g = Grad.grad(Grad.grad(a -> Jnp.sin(a[0]))).apply(0.7);
    Close.scalar(v(g), -Math.sin(0.7f));
  }

  @Test
  void zeroSizeAndScalarInputs() {
    // from jax 0.10.2: grad(lambda x: jnp.sum(x**2))(jnp.zeros((0, 3))) has shape (0, 3)
    Close.f32(v(Grad.grad(a -> Jnp.sum(Jnp.power(a[0], 2))).apply(Jnp.zeros(0, 3))),
        new int[] {0, 3});
    Value g = v(Grad.grad(a -> Jnp.multiply(a[0], 2.0)).apply(2.0));
    Close.scalar(g, 2.0); // from jax 0.10.2, weakly typed like its input
    assertTrue(g.aval().weakType());
    Value s = v(Grad.grad(a -> Jnp.multiply(a[0], Jnp.array(2.0f))).apply(Array.scalar(2f)));
    assertEquals(false, s.aval().weakType());
    assertEquals(DType.FLOAT32, s.dtype());
  }
}
