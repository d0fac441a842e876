package dev.flaxj.core;

import static dev.flaxj.core.LiftTesting.FLAX_DOC;
import static dev.flaxj.core.LiftTesting.assertFloats;
import static dev.flaxj.core.LiftTesting.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.errors.ModifyScopeVariableError;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftVmapTest {
  private static final Value X = Array.of(new float[] {0, 1, 2, 3, 4, 5}, 2, 3);

  /** {@code x * w + k} with params {@code w} and {@code dense/k}, both normal(0.01) of shape (3,). */
  private static Object dense(Scope scope, Object... args) {
    Object w = scope.param("w", Initializers.normal(), 3);
    Object k = scope.push("dense").param("k", Initializers.normal(), 3);
    return Jnp.add(Jnp.multiply(args[0], w), k);
  }

  @Test
  void splitParamsAreStackedPerBatchIndexAsFlax() {
    Tuple r = Core.init(LiftVmap.vmap().variableAxes("params", 0).splitRngs("params", true)
        .build(LiftVmapTest::dense)).call(Random.key(0), X);
    // from flax 0.12.8: lift.vmap(f, variable_axes={'params': 0}, split_rngs={'params': True}), key(0)
    assertFloats(at(r.get(1), "params", "w"), new int[] {2, 3}, 0.010102041997015476, 0.01482892595231533,
        -0.007171343546360731, -0.0030274800956249237, -0.0043990216217935085, 0.002435926580801606);
    assertFloats(at(r.get(1), "params", "dense", "k"), new int[] {2, 3}, 0.0038339949678629637,
        -0.021555304527282715, 0.003571606706827879, -0.006731247529387474, -0.00584080396220088,
        0.009764226153492928);
    assertFloats(r.get(0), new int[] {2, 3}, 0.0038339949678629637, -0.006726378574967384,
        -0.01077108085155487, -0.015813687816262245, -0.0234368909150362, 0.02194385975599289);
  }

  @Test
  void sharedParamsAreCreatedOnceAsFlax() {
    Tuple r = Core.init(LiftVmap.vmap().variableAxes("params", null).splitRngs("params", false)
        .build(LiftVmapTest::dense)).call(Random.key(0), X);
    // from flax 0.12.8: lift.vmap(f, variable_axes={'params': None}, split_rngs={'params': False}), key(0)
    assertFloats(at(r.get(1), "params", "w"), new int[] {3}, 0.0007614249479956925, -0.01615745946764946,
        -0.016857724636793137);
    assertFloats(at(r.get(1), "params", "dense", "k"), new int[] {3}, 0.01097299437969923,
        0.0030093209352344275, 0.004389587789773941);
    assertFloats(r.get(0), new int[] {2, 3}, 0.01097299437969923, -0.013148138299584389,
        -0.029325861483812332, 0.013257268816232681, -0.06162051856517792, -0.07989904284477234);
  }

  @Test
  void applyUsesGivenStackedParams() {
    ScopeFunction f = LiftVmap.vmap().variableAxes("params", 0).inAxes(Tuple.of(0, null))
        .build((scope, a) -> Jnp.add(Jnp.multiply(a[0], scope.param("w", Initializers.zeros(), 3)), a[1]));
    Map<String, ?> vars = Map.of("params", Map.of("w", Array.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3)));
    Object y = Core.apply(f).call(vars, null, X, Array.scalar(1f));
    assertFloats(y, new int[] {2, 3}, 1, 3, 7, 13, 21, 31);
  }

  @Test
  void innerScopeSharesRngCountersWithOuterScope() {
    // the lifted make_rng consumes count 1 of the root's 'params' counter, so the next is count 2
    Tuple lifted = Core.init((scope, a) -> {
      LiftVmap.vmap().axisSize(2).splitRngs("params", false).build((s, b) -> s.makeRng("params")).apply(scope);
      return scope.makeRng("params");
    }).call(Random.key(0));
    Tuple direct = Core.init((scope, a) -> {
      scope.makeRng("params");
      return scope.makeRng("params");
    }).call(Random.key(0));
    assertArrayEquals(words(direct.get(0)), words(lifted.get(0)));
  }

  private static int[] words(Object key) {
    return ((Array) Random.keyData((Value) key)).rawInts();
  }

  @Test
  void writingACollectionNoFilterLiftsIsAnError() {
    // from flax 0.12.8: ModifyScopeVariableError for 'batch_stats' here (it is not in variable_axes)
    ScopeFunction g = LiftVmap.vmap().variableAxes("params", 0).splitRngs("params", true).build((scope, a) -> {
      scope.putVariable("batch_stats", "m", a[0]);
      return a[0];
    });
    ModifyScopeVariableError e = assertThrows(ModifyScopeVariableError.class,
        () -> Core.init(g).call(Random.key(0), X));
    assertEquals("Cannot update variable \"m\" in \"/vmap()\" because collection \"batch_stats\" is immutable."
        + FLAX_DOC + "ModifyScopeVariableError)", e.getMessage());
  }

  @Test
  void inconsistentBatchSizesAreRejected() {
    // Flax compares the first leaf under each axis: here params (3) against the argument (2);
    // message from flax 0.12.8 (lift.vmap with variable_axes={'params': 0}).
    ScopeFunction f = LiftVmap.vmap().variableAxes("params", 0).build((scope, a) -> a[0]);
    PyValueError e = assertThrows(PyValueError.class,
        () -> Core.apply(f).call(Map.of("params", Map.of("w", Jnp.ones(3, 4))), null, X));
    assertEquals("Inconsistent batch axis sizes: {2, 3}", e.getMessage());
  }

  @Test
  void inconsistentArgumentSizesAreLeftToVmap() {
    // flax 0.12.8 reports this one from jax.vmap ("vmap got inconsistent sizes ...").
    ScopeFunction f = LiftVmap.vmap().build((scope, a) -> a[0]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Core.apply(f).call(Map.of(), null, X, Jnp.zeros(3)));
    assertTrue(e.getMessage().startsWith("vmap got inconsistent sizes for array axes to be mapped"), e.getMessage());
  }

  @Test
  void unmappedOutputVariablesAreRejected() {
    Scope other = Core.bind(Map.of("batch_stats", Map.of("m", X)), null, true, Map.of());
    ScopeFunction f = Pack.pack("test", (pack, groups, rngs, args) -> Tuple.of(null, pack.repack(other)),
        List.of("params"), List.of("params"), List.of()).onScope();
    PyValueError e = assertThrows(PyValueError.class,
        () -> Core.init(f).call(Random.key(0)));
    assertEquals("unmapped output variables: ('batch_stats',)", e.getMessage());
  }

  @Test
  void outAxesPlaceTheBatchAxis() {
    Object y = Core.apply(LiftVmap.vmap().outAxes(1).build((scope, a) -> a[0])).call(Map.of(), null, X);
    assertFloats(y, new int[] {3, 2}, 0, 3, 1, 4, 2, 5);
  }
}
