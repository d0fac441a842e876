package dev.flaxj.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.errors.ApplyScopeInvalidVariablesStructureError;
import dev.flaxj.errors.ApplyScopeInvalidVariablesTypeError;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.InvalidScopeError;
import dev.flaxj.errors.ModifyScopeVariableError;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.errors.ScopeCollectionNotFound;
import dev.flaxj.errors.ScopeParamNotFoundError;
import dev.flaxj.errors.ScopeParamShapeError;
import dev.flaxj.errors.ScopeVariableNotFoundError;
import dev.flaxj.nn.Initializers;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeTest {
  private static final String LINK =
      " (https://flax.readthedocs.io/en/latest/api_reference/flax.errors.html#flax.errors.";

  private static int[] words(Object key) {
    return ((Array) Random.keyData((Value) key)).rawInts();
  }

  private static int[] bits(Object a) {
    float[] f = ((Array) a).rawFloats();
    int[] out = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = Float.floatToRawIntBits(f[i]);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void initCreatesParamsInOrderWithFlaxKeys() {
    Tuple r = Core.init((scope, a) -> {
      scope.param("w", Initializers.lecunNormal(), 2, 3);
      Scope c = scope.push("child");
      c.param("b", Initializers.normal(), 3);
      scope.param("z", Initializers.zeros(), 2);
      return List.of(scope.makeRng("dropout"), scope.makeRng("params"), c.makeRng("params"));
    }).call(Random.key(0));
    Map<String, Object> params = map(map(r.get(1)).get("params"));
    // from flax 0.12.8: order ['w', 'child', 'z'] and ['b']
    assertEquals(List.of("w", "child", "z"), new ArrayList<>(params.keySet()));
    // from flax 0.12.8 (float32 bit patterns)
    assertArrayEquals(new int[] {1030703233, (int) 3214231923L, (int) 3214575127L, 1057675243, 1063005142, 1059470171},
        bits(params.get("w")));
    assertArrayEquals(new int[] {(int) 3159046357L, (int) 3161238944L, 1005150403},
        bits(map(params.get("child")).get("b")));
    List<?> keys = (List<?>) r.get(0);
    // from flax 0.12.8: 'dropout' falls back to params (count 3), then params 4, child params 2
    assertArrayEquals(new int[] {(int) 2411773124L, (int) 4124888837L}, words(keys.get(0)));
    assertArrayEquals(new int[] {(int) 4278980902L, 1922873063}, words(keys.get(1)));
    assertArrayEquals(new int[] {(int) 4203396188L, (int) 4027077399L}, words(keys.get(2)));
  }

  @Test
  void pushingTheSameChildAgainContinuesItsCounter() {
    Tuple r = Core.init((scope, a) -> {
      Value first = scope.push("c").makeRng();
      Value second = scope.push("c", true).makeRng();
      return List.of(first, second);
    }).call(Random.key(0));
    List<?> keys = (List<?>) r.get(0);
    // from flax 0.12.8
    assertArrayEquals(new int[] {1685382398, 2121781525}, words(keys.get(0)));
    assertArrayEquals(new int[] {1381421940, (int) 3863155394L}, words(keys.get(1)));
  }

  @Test
  void makeRngCountsPerStream() {
    Object y = Core.apply((scope, a) -> List.of(scope.makeRng("dropout"), scope.makeRng("dropout")))
        .call(Map.of(), Map.of("dropout", Random.key(1)));
    // from flax 0.12.8
    assertArrayEquals(new int[] {(int) 3077990774L, (int) 2166202870L}, words(((List<?>) y).get(0)));
    assertArrayEquals(new int[] {(int) 3825832496L, (int) 2886313970L}, words(((List<?>) y).get(1)));
  }

  @Test
  void separatorFlagChangesTheFold() {
    ScopeFunction f = (scope, a) -> scope.push("ab").makeRng();
    try {
      FlaxConfig.setFixRngSeparator(true);
      // from flax 0.12.8
      assertArrayEquals(new int[] {1762657366, 322631529}, words(Core.init(f).call(Random.key(0)).get(0)));
    } finally {
      FlaxConfig.setFixRngSeparator(false);
    }
    // from flax 0.12.8
    assertArrayEquals(new int[] {1094952981, 1242310491}, words(Core.init(f).call(Random.key(0)).get(0)));
  }

  @Test
  void missingStreamWithoutParamsIsInvalidRngError() { // message as flax 0.12.8 builds it for the root
    InvalidRngError e = assertThrows(InvalidRngError.class,
        () -> Core.apply((scope, a) -> scope.makeRng("dropout")).call(Map.of(), null));
    assertEquals("None needs PRNG for \"dropout\"" + LINK + "InvalidRngError)", e.getMessage());
  }

  @Test
  void applyReadsParamsAndChecksShapes() {
    Map<String, Object> vars = Map.of("params", Map.of("w", Array.of(new float[6], 2, 3)));
    Object w = Core.apply((scope, a) -> scope.param("w", Initializers.zeros(), 2, 3)).call(vars, null);
    assertSame(vars.get("params") instanceof Map<?, ?> m ? m.get("w") : null, w);
    ScopeParamShapeError e = assertThrows(ScopeParamShapeError.class,
        () -> Core.apply((scope, a) -> scope.param("w", Initializers.zeros(), 3)).call(vars, null));
    assertEquals("For parameter \"w\" in \"/\", the given initializer is expected to generate shape (3,), "
        + "but the existing parameter it received has shape (2, 3)." + LINK + "ScopeParamShapeError)",
        e.getMessage());
  }

  @Test
  void missingParamErrors() {
    Map<String, Object> vars = Map.of("params", Map.of("w", Array.scalar(1f)));
    ScopeParamNotFoundError e = assertThrows(ScopeParamNotFoundError.class,
        () -> Core.apply((scope, a) -> scope.push("d").param("k", Initializers.zeros(), 2)).call(vars, null));
    assertEquals("Could not find parameter named \"k\" in scope \"/d\"." + LINK + "ScopeParamNotFoundError)",
        e.getMessage());
    ScopeCollectionNotFound c = assertThrows(ScopeCollectionNotFound.class,
        () -> Core.apply((scope, a) -> scope.param("k", Initializers.zeros(), 2)).call(Map.of(), null));
    assertEquals("Tried to access \"k\" from collection \"params\" in \"/\" but the collection is empty."
        + LINK + "ScopeCollectionNotFound)", c.getMessage());
    ScopeVariableNotFoundError v = assertThrows(ScopeVariableNotFoundError.class,
        () -> Core.init((scope, a) -> {
          scope.variable("state", "a", x -> 1);
          return scope.variable("state", "count", null);
        }).call(Random.key(0)));
    assertEquals("No Variable named \"count\" for collection \"state\" exists in \"/\"." + LINK
        + "ScopeVariableNotFoundError)", v.getMessage());
  }

  @Test
  void immutableCollectionWriteAndInputsUnchanged() {
    Map<String, Object> state = new LinkedHashMap<>(Map.of("n", Array.scalar(0)));
    Map<String, Object> vars = Map.of("state", state);
    ScopeFunction bump = (scope, a) -> {
      scope.putVariable("state", "n", Array.scalar(5));
      return null;
    };
    ModifyScopeVariableError e = assertThrows(ModifyScopeVariableError.class,
        () -> Core.apply(bump).call(vars, null));
    assertEquals("Cannot update variable \"n\" in \"/\" because collection \"state\" is immutable." + LINK
        + "ModifyScopeVariableError)", e.getMessage());
    Tuple r = (Tuple) Core.apply(bump, "state").call(vars, null);
    assertArrayEquals(new int[] {5}, ((Array) map(map(r.get(1)).get("state")).get("n")).rawInts());
    assertArrayEquals(new int[] {0}, ((Array) state.get("n")).rawInts());
  }

  @Test
  void scopeIsInvalidAfterApply() {
    Scope[] kept = new Scope[1];
    Core.apply((scope, a) -> kept[0] = scope).call(Map.of(), Random.key(0));
    assertTrue(kept[0].invalid());
    InvalidScopeError e = assertThrows(InvalidScopeError.class, () -> kept[0].makeRng());
    assertEquals("The scope \"None\" is no longer valid." + LINK + "InvalidScopeError)", e.getMessage());
  }

  @Test
  void duplicateNamesAndBadVariables() {
    PyValueError e = assertThrows(PyValueError.class,
        () -> Core.init((scope, a) -> scope.push("x").path().size() + scope.push("x").path().size())
            .call(Random.key(0)));
    assertEquals("Duplicate use of scope name: \"x\"", e.getMessage());
    assertThrows(ApplyScopeInvalidVariablesTypeError.class,
        () -> Core.apply((scope, a) -> null).call(Map.of("params", 3), null));
    assertThrows(ApplyScopeInvalidVariablesStructureError.class,
        () -> Core.apply((scope, a) -> null).call(Map.of("params", Map.of("params", Map.of())), null));
  }

  @Test
  void mutabilityFilters() {
    Tuple r = (Tuple) Core.apply((scope, a) -> {
      assertTrue(scope.isMutableCollection("stats"));
      assertFalse(scope.isMutableCollection("params"));
      scope.variable("stats", "m", x -> Array.scalar(2f));
      return null;
    }, new DenyList("params")).call(Map.of("params", Map.of()), null);
    assertEquals(List.of("stats"), new ArrayList<>(map(r.get(1)).keySet()));
  }
}
