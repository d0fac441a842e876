package dev.flaxj.linen;

import static dev.flaxj.linen.LinenTesting.assertClose;
import static dev.flaxj.linen.LinenTesting.assertValues;
import static dev.flaxj.linen.LinenTesting.leaf;
import static dev.flaxj.linen.LinenTesting.x;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.errors.ModifyScopeVariableError;
import dev.flaxj.errors.NameInUseError;
import dev.flaxj.nn.Activations;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModuleTest {
  private static final String LINK =
      " (https://flax.readthedocs.io/en/latest/api_reference/flax.errors.html#flax.errors.NameInUseError)";

  // from flax 0.12.8: MLP().init(key(0), x) and MLP().apply(v, x)
  static final float[] MLP_K0 = {-0.8258997797966003f, 0.3772757351398468f, -0.6888750791549683f,
      -0.42601150274276733f, 0.4596952497959137f, 0.641810953617096f, 0.5220274329185486f,
      -0.02324812300503254f, 0.2113979458808899f, 0.38867634534835815f, -0.9097142815589905f,
      0.4271412491798401f};
  static final float[] MLP_K1 = {0.0019210994942113757f, 0.18489743769168854f, 0.10439488291740417f,
      -0.485312819480896f, 0.3716915249824524f, 0.5044717192649841f};
  static final float[] MLP_OUT = {0.021785477176308632f, 0.08074943721294403f,
      0.10946179181337357f, 0.17486706376075745f};

  /** Flax: Dense(3) -> relu -> Dense(2), compact. */
  static final class MLP extends Module {
    @Override
    protected Object forward(Object... args) {
      Value h = Activations.relu(new Dense(3).call((Value) args[0]));
      return new Dense(2).call(h);
    }
  }

  /** Flax: setup assigns trunk = Dense(4) and heads = [Dense(2), Dense(1)]. */
  static final class Heads extends Module {
    private Dense trunk;
    private List<Dense> heads;

    @Override
    protected void setup() {
      trunk = new Dense(4);
      heads = List.of(new Dense(2), new Dense(1));
    }

    @Override
    protected Object forward(Object... args) {
      Value h = trunk.call((Value) args[0]);
      List<Value> out = new ArrayList<>();
      for (Dense head : heads) {
        out.add(head.call(h));
      }
      return out;
    }
  }

  /** Flax: two Dense(2, name='a') in one compact method. */
  static final class DuplicateSubmodule extends Module {
    @Override
    protected Object forward(Object... args) {
      Value h = new Dense(2, "a").call((Value) args[0]);
      return new Dense(2, "a").call(h);
    }
  }

  /** Flax: Dense(2, name='w') then self.param('w', zeros, (1,)). */
  static final class DuplicateParam extends Module {
    @Override
    protected Object forward(Object... args) {
      new Dense(2, "w").call((Value) args[0]);
      return param("w", Initializers.zeros(), 1);
    }
  }

  /** Flax: a state/count int32 variable incremented on every apply, then Dense(2). */
  static final class Counter extends Module {
    @Override
    protected Object forward(Object... args) {
      Variable count = variable("state", "count", a -> Jnp.zeros(new int[0], DType.INT32));
      if (!isInitializing()) {
        count.setValue(Jnp.add(count.value(), 1));
      }
      return new Dense(2).call((Value) args[0]);
    }
  }

  @Test
  void compactMlpMatchesFlax() {
    Tuple out = new MLP().initWithOutput(Random.key(0), x());
    Map<String, Map<String, Object>> v = (Map<String, Map<String, Object>>) out.get(1);
    assertEquals(List.of("params"), List.copyOf(v.keySet()));
    assertEquals(List.of("Dense_0", "Dense_1"), List.copyOf(v.get("params").keySet()));
    assertEquals(List.of("kernel", "bias"), List.copyOf(((Map<?, ?>) v.get("params").get("Dense_0")).keySet()));
    assertValues(MLP_K0, new int[] {4, 3}, leaf(v, "params", "Dense_0", "kernel"));
    assertValues(new float[3], new int[] {3}, leaf(v, "params", "Dense_0", "bias"));
    assertValues(MLP_K1, new int[] {3, 2}, leaf(v, "params", "Dense_1", "kernel"));
    assertValues(new float[2], new int[] {2}, leaf(v, "params", "Dense_1", "bias"));
    assertClose(MLP_OUT, new int[] {2, 2}, out.get(0));
    assertClose(MLP_OUT, new int[] {2, 2}, new MLP().apply(v, x()));
  }

  @Test
  void setupStyleNamesFieldsAndListElements() {
    Map<String, Map<String, Object>> v = new Heads().init(Random.key(1), x());
    assertEquals(List.of("heads_0", "heads_1", "trunk"),
        v.get("params").keySet().stream().sorted().toList());
    // from flax 0.12.8: Heads().init(key(1), x)
    assertValues(new float[] {0.09600830078125f, 0.35414737462997437f, 0.27144983410835266f,
        0.8159563541412354f, 0.0783613920211792f, 0.03630255162715912f, 0.13048908114433289f,
        0.3300003707408905f, 0.476355642080307f, -0.21223263442516327f, 0.7854271531105042f,
        0.2516992688179016f, -0.4802071154117584f, -0.6616953611373901f, 0.11737506836652756f,
        -0.7084832787513733f}, new int[] {4, 4}, leaf(v, "params", "trunk", "kernel"));
    assertValues(new float[] {-0.4333271384239197f, 0.28922849893569946f, -0.193276047706604f,
        0.09933899343013763f, -0.14244945347309113f, -0.2522052526473999f, 0.38493919372558594f,
        0.10556471347808838f}, new int[] {4, 2}, leaf(v, "params", "heads_0", "kernel"));
    assertValues(new float[] {-0.11343731731176376f, -0.24311397969722748f, -0.17211884260177612f,
        0.07638666033744812f}, new int[] {4, 1}, leaf(v, "params", "heads_1", "kernel"));
    assertValues(new float[1], new int[] {1}, leaf(v, "params", "heads_1", "bias"));
    List<?> out = (List<?>) new Heads().apply(v, x());
    // from flax 0.12.8: Heads().apply(v, x)
    assertClose(new float[] {-0.04506693780422211f, -0.02434406615793705f, -0.0054731350392103195f,
        -0.1263519674539566f}, new int[] {2, 2}, out.get(0));
    assertClose(new float[] {0.039248134940862656f, 0.009756217710673809f}, new int[] {2, 1}, out.get(1));
  }

  @Test
  void duplicateNamesRaiseNameInUseError() {
    NameInUseError sub = assertThrows(NameInUseError.class,
        () -> new DuplicateSubmodule().init(Random.key(0), x()));
    // from flax 0.12.8
    assertEquals("Could not create submodule \"a\" in Module DuplicateSubmodule: Name in use." + LINK,
        sub.getMessage());
    NameInUseError param = assertThrows(NameInUseError.class,
        () -> new DuplicateParam().init(Random.key(0), x()));
    assertEquals("Could not create param \"w\" in Module DuplicateParam: Name in use." + LINK,
        param.getMessage());
  }

  @Test
  @SuppressWarnings("unchecked")
  void applyWithMutableStateLeavesInputsUnchanged() {
    Map<String, Map<String, Object>> v = new Counter().init(Random.key(0), x());
    // from flax 0.12.8: the Dense_0 kernel equals MLP's first 8 values (same path and count)
    assertValues(java.util.Arrays.copyOf(MLP_K0, 8), new int[] {4, 2}, leaf(v, "params", "Dense_0", "kernel"));
    Value count0 = leaf(v, "state", "count");
    assertEquals(DType.INT32, count0.dtype());
    assertArrayEquals(new int[] {0}, ((Array) count0).rawInts());

    Tuple out = (Tuple) new Counter().apply(v, ApplyOptions.none().mutable(List.of("state")), x());
    Map<String, Map<String, Object>> state = (Map<String, Map<String, Object>>) out.get(1);
    // from flax 0.12.8: only the mutated collection comes back, with count 1
    assertEquals(List.of("state"), List.copyOf(state.keySet()));
    assertArrayEquals(new int[] {1}, ((Array) leaf(state, "state", "count")).rawInts());
    assertSame(count0, leaf(v, "state", "count"));

    assertThrows(ModifyScopeVariableError.class, () -> new Counter().apply(v, x()));
    assertSame(count0, leaf(v, "state", "count"));
  }

  /** Flax: h = Dense(2)(x); sow('intermediates', 'h', h); sow(..., h * 2). */
  static final class Sow extends Module {
    @Override
    protected Object forward(Object... args) {
      Value h = new Dense(2).call((Value) args[0]);
      sow("intermediates", "h", h);
      sow("intermediates", "h", Jnp.multiply(h, 2));
      return h;
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void sowAppendsToMutableCollectionsOnly() {
    Value ones = Jnp.ones(1, 3);
    Map<String, Map<String, Object>> v = new Sow().init(Random.key(0), ones);
    // from flax 0.12.8: init's default mutable filter leaves intermediates out
    assertEquals(List.of("params"), List.copyOf(v.keySet()));
    Tuple out = (Tuple) new Sow().apply(v, ApplyOptions.none().mutable(List.of("intermediates")), ones);
    Tuple h = (Tuple) ((Map<String, Object>) ((Map<String, Object>) out.get(1)).get("intermediates")).get("h");
    // from flax 0.12.8: ([[-1.2183008, 0.6848242]], [[-2.4366016, 1.3696485]])
    assertEquals(2, h.size());
    assertClose(new float[] {-1.2183008193969727f, 0.6848242282867432f}, new int[] {1, 2}, h.get(0));
    assertClose(new float[] {-2.4366016387939453f, 1.3696484565734863f}, new int[] {1, 2}, h.get(1));
    assertClose(new float[] {-1.2183008193969727f, 0.6848242282867432f}, new int[] {1, 2}, new Sow().apply(v, ones));
  }

  @Test
  void bindRunsRepeatedCallsWithTheSameChildren() {
    Map<String, Map<String, Object>> v = new MLP().init(Random.key(0), x());
    Module bound = new MLP().bind(v);
    assertClose(MLP_OUT, new int[] {2, 2}, bound.call(x()));
    assertClose(MLP_OUT, new int[] {2, 2}, bound.call(x()));
    assertFalse(bound.isInitializing());
    assertFalse(bound.isMutableCollection("params"));
    assertSame(v.get("params").get("Dense_0"), bound.variables().get("params").get("Dense_0"));
    Tuple unbound = bound.unbind();
    assertNull(((Module) unbound.get(0)).scope());
    assertThrows(IllegalStateException.class, () -> ((Module) unbound.get(0)).call(x()));
  }

  @Test
  void methodOptionRunsAnotherMethodBound() {
    Map<String, Map<String, Object>> v = new Heads().init(Random.key(1), x());
    Object trunkOut = new Heads().apply(v,
        ApplyOptions.none().method((m, a) -> ((Heads) m).trunk.call((Value) a[0])), x());
    assertArrayEquals(new int[] {2, 4}, ((Value) trunkOut).shape().dims());
    Object isInit = new MLP().initWithOutput(Random.key(0),
        ApplyOptions.none().method((m, a) -> m.isInitializing()), x()).get(0);
    assertTrue((Boolean) isInit);
  }
}
