package dev.flaxj.core;

import static dev.flaxj.core.LiftTesting.assertFloats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.errors.PyTypeError;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiftFoldRngsTest {
  @Test
  void theHashKeyArgumentIsRequiredAsInPython() {
    ScopeFunction jitted = LiftJit.jit().build((scope, a) -> 1.0);
    ScopeFunction folded = LiftFoldRngs.foldRngs().build((scope, a) -> 1.0);
    // from flax 0.12.8: apply(lambda s: lift.jit(lambda sc, h: 1.0)(s))({}), then lift.fold_rngs
    assertEquals("jit.<locals>.inner() missing 1 required positional argument: 'module_hash_key'",
        assertThrows(PyTypeError.class, () -> Core.apply(jitted).call(Map.of(), null)).getMessage());
    assertEquals("fold_rngs.<locals>.inner_fold_rngs() missing 1 required positional argument: 'module_hash_key'",
        assertThrows(PyTypeError.class, () -> Core.apply(folded).call(Map.of(), null)).getMessage());
  }

  @Test
  void countersFollowTheFirstCallOfAFingerprintAsFlax() {
    // draws n keys, then returns normal(make_rng) — n is a plain Java int, so calls differ in their counts
    ScopeFunction folded = LiftFoldRngs.foldRngs().build((scope, a) -> {
      for (int i = 0; i < (Integer) a[1]; i++) {
        scope.makeRng("dropout");
      }
      return Random.normal(scope.makeRng("dropout"), 2);
    });
    ScopeFunction g = (scope, a) -> {
      Scope s = scope.push("b");
      Object y1 = folded.apply(s, "fold-counts", 1);
      Object y2 = folded.apply(s, "fold-counts", 3);
      return Tuple.of(y1, y2, Random.normal(s.makeRng("dropout"), 2));
    };
    Tuple r = (Tuple) Core.apply(g).call(Map.of(), Map.of("dropout", Random.key(0)));
    // from flax 0.12.8: lift.fold_rngs(body2) called twice with the same hash key, n = 1 then 3. The
    // streams lose the suffix 'b'; the first call records a delta of 2, and the second call's counters are
    // reset to old + 2 (not + 4), so the last draw uses count 5.
    assertFloats(r.get(0), new int[] {2}, 0.6017557382583618, 0.25532281398773193);
    assertFloats(r.get(1), new int[] {2}, 0.08957037329673767, 0.522511899471283);
    assertFloats(r.get(2), new int[] {2}, -1.180930256843567, -0.8131521344184875);
  }
}
