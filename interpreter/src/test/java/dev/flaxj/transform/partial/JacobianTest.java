package dev.flaxj.transform.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code jacrev}, {@code hessian} and {@code jacfwd(jacrev)} against values from jax 0.10.2. */
class JacobianTest {
  private static final Array X3 = Close.f32(0.5f, -1f, 2f);
  private static final Array Y2 = Close.f32(1.5f, -0.5f);

  private static Value v(Object o) {
    return (Value) o;
  }

  private static Value at(Object x, int i) {
    return Jnp.index(v(x), Index.at(i));
  }

  @Test
  void jacrevOfAVectorFunction() {
    Object jac = Jacrev.jacrev(a -> Jnp.multiply(Jnp.tanh(a[0]), at(a[0], 1))).apply(X3);
    // from jax 0.10.2
    Close.f32(v(jac), new int[] {3, 3}, -0.7864477038383484, 0.46211716532707214, 0.0, 0.0,
        -1.1815685033798218, 0.0, 0.0, 0.9640275835990906, -0.07065081596374512);
  }

  @Test
  void jacrevWithArgnumsTupleOverAPytreeOutput() {
    @SuppressWarnings("unchecked")
    Map<String, Object> jac = (Map<String, Object>) Jacrev.jacrev(a -> Map.of(
        "a", Jnp.multiply(Jnp.expandDims(v(a[0]), 1), Jnp.expandDims(v(a[1]), 0)),
        "b", Jnp.multiply(Jnp.sum(v(a[0])), at(a[1], 0)))).argnums(0, 1).apply(X3, Y2);
    Tuple ja = (Tuple) jac.get("a");
    Tuple jb = (Tuple) jac.get("b");
    // from jax 0.10.2
    Close.f32(v(ja.get(0)), new int[] {3, 2, 3}, 1.5, 0.0, 0.0, -0.5, 0.0, 0.0, 0.0, 1.5, 0.0,
        0.0, -0.5, 0.0, 0.0, 0.0, 1.5, 0.0, 0.0, -0.5);
    Close.f32(v(ja.get(1)), new int[] {3, 2, 2}, 0.5, 0.0, 0.0, 0.5, -1.0, 0.0, 0.0, -1.0, 2.0,
        0.0, 0.0, 2.0);
    Close.f32(v(jb.get(0)), new int[] {3}, 1.5, 1.5, 1.5);
    Close.f32(v(jb.get(1)), new int[] {2}, 1.5, 0.0);
  }

  @Test
  void jacrevWithAux() {
    Tuple r = (Tuple) Jacrev.jacrev(a -> Tuple.of(Jnp.multiply(Jnp.sin(a[0]), at(a[0], 0)),
        Jnp.cos(a[0]))).hasAux(true).apply(X3);
    // from jax 0.10.2
    Close.f32(v(r.get(0)), new int[] {3, 3}, 0.9182168245315552, 0.0, 0.0, -0.8414709568023682,
        0.27015113830566406, 0.0, 0.9092974066734314, 0.0, -0.2080734223127365);
    Close.f32(v(r.get(1)), new int[] {3}, 0.8775825500488281, 0.5403022766113281,
        -0.416146844625473);
  }

  @Test
  void jacrevOfScalarsAndEmptyArrays() {
    Value s = v(Jacrev.jacrev(a -> Jnp.multiply(a[0], a[0])).apply(3.0));
    Close.scalar(s, 6.0); // from jax 0.10.2 (weakly typed)
    assertEquals(true, s.aval().weakType());
    Value e = v(Jacrev.jacrev(a -> Jnp.multiply(a[0], 2.0)).apply(Jnp.zeros(0)));
    Close.f32(e, new int[] {0, 0}); // from jax 0.10.2: shape (0, 0)
  }

  @Test
  void hessian() {
    Object h = Hessian.hessian(a -> Jnp.sum(Jnp.multiply(Jnp.multiply(Jnp.sin(a[0]),
        at(a[0], 0)), a[0]))).apply(X3);
    // from jax 0.10.2
    Close.f32(v(h), new int[] {3, 3}, 2.5941598415374756, -1.3817732334136963,
        0.07700371742248535, -1.3817732334136963, 0.11956679821014404, 0.0,
        0.07700371742248535, 0.0, -1.325444221496582);
  }

  @Test
  void hessianWithArgnumsTuple() {
    Tuple h = (Tuple) Hessian.hessian(a -> Jnp.multiply(Jnp.sum(Jnp.sin(a[0])),
        Jnp.sum(Jnp.multiply(a[1], a[1])))).argnums(0, 1).apply(X3, Y2);
    Tuple hx = (Tuple) h.get(0);
    Tuple hy = (Tuple) h.get(1);
    // from jax 0.10.2
    Close.f32(v(hx.get(0)), new int[] {3, 3}, -1.198563814163208, 0.0, 0.0, 0.0,
        2.103677272796631, 0.0, -0.0, -0.0, -2.2732434272766113);
    Close.f32(v(hx.get(1)), new int[] {3, 2}, 2.6327476501464844, -0.8775825500488281,
        1.6209068298339844, -0.5403022766113281, -1.2484405040740967, 0.416146844625473);
    Close.f32(v(hy.get(0)), new int[] {2, 3}, 2.6327476501464844, 1.6209068298339844,
        -1.2484405040740967, -0.8775825500488281, -0.5403022766113281, 0.416146844625473);
    Close.f32(v(hy.get(1)), new int[] {2, 2}, 1.0945039987564087, 0.0, 0.0, 1.0945039987564087);
  }

  @Test
  void jacfwdOfJacrev() {
    Object h = Jvp.jacfwd(Jacrev.jacrev(a -> Jnp.sum(Jnp.multiply(Jnp.exp(a[0]), at(a[0], 2)))))
        .apply(X3);
    // from jax 0.10.2
    Close.f32(v(h), new int[] {3, 3}, 3.2974424362182617, 0.0, 1.6487212181091309, 0.0,
        0.735758900642395, 0.3678794503211975, 1.6487212181091309, 0.3678794503211975,
        29.556224822998047);
  }

  @Test
  void jacrevOfJacrevMatchesHessian() {
    Object f = Jacrev.jacrev(Jacrev.jacrev(a -> Jnp.sum(Jnp.multiply(Jnp.multiply(
        Jnp.sin(a[0]), at(a[0], 0)), a[0])))).apply(X3);
    Object h = Hessian.hessian(a -> Jnp.sum(Jnp.multiply(Jnp.multiply(Jnp.sin(a[0]),
        at(a[0], 0)), a[0]))).apply(X3);
    Close.f32(v(f), new int[] {3, 3}, ((Array) h).toDoubleArray());
    assertEquals(DType.FLOAT32, v(f).dtype());
  }

  @Test
  void jacrevOfJacfwdMatchesHessian() {
    TreeFunction f = a -> Jnp.sum(Jnp.multiply(Jnp.multiply(Jnp.sin(a[0]), at(a[0], 0)), a[0]));
    Value rf = v(Jacrev.jacrev(Jvp.jacfwd(f)).apply(X3));
    Close.check(rf, new int[] {3, 3}, ((Array) Hessian.hessian(f).apply(X3)).toDoubleArray(),
        1e-6);
  }

  @Test
  void hessianWithAux() {
    Tuple r = (Tuple) Hessian.hessian(a -> Tuple.of(Jnp.sum(Jnp.multiply(Jnp.sin(a[0]),
        a[0])), Jnp.cos(a[0]))).hasAux(true).apply(X3);
    Object plain = Hessian.hessian(a -> Jnp.sum(Jnp.multiply(Jnp.sin(a[0]), a[0]))).apply(X3);
    Close.same(v(r.get(0)), v(plain));
    Close.same(v(r.get(1)), Jnp.cos(X3));
    // from jax 0.10.2: jax.hessian(lambda x: jnp.sum(jnp.sin(x) * x)) at X3 has this diagonal
    Close.f32(v(plain), new int[] {3, 3}, 1.5154524, 0, 0, 0, 0.2391336, 0, -0.0, -0.0,
        -2.6508884);
  }
}
