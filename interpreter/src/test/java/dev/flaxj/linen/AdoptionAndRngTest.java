package dev.flaxj.linen;

import static dev.flaxj.linen.LinenTesting.x;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.NameInUseError;
import dev.flaxj.nn.Activations;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AdoptionAndRngTest {
  /** Flax: an unused Dense(5), then Sequential([Dense(3), relu, Dense(2)])(x) + Dense(2)(x). */
  static final class InlineSequential extends Module {
    @Override
    protected Object forward(Object... args) {
      Value x = (Value) args[0];
      new Dense(5);
      UnaryOperator<Value> relu = Activations::relu;
      Value s = (Value) new Sequential(new Dense(3), relu, new Dense(2)).call(x);
      return Jnp.add(s, new Dense(2).call(x));
    }
  }

  /** Flax: two make_rng('noise') then Dense(2)(x); returns both keys' data. */
  static final class TwoKeys extends Module {
    @Override
    protected Object forward(Object... args) {
      Value a = makeRng("noise");
      Value b = makeRng("noise");
      new Dense(2).call((Value) args[0]);
      return Tuple.of(Random.keyData(a), Random.keyData(b));
    }
  }

  /** Returns Tuple(carry, x) for an LSTMCell to take spread. */
  static final class CarryAndInput extends Module {
    @Override
    protected Object forward(Object... args) {
      Value x = (Value) args[0];
      Value zeros = Jnp.zeros(2, 3);
      return Tuple.of(Tuple.of(zeros, zeros), x);
    }
  }

  /** A variable and a param of the same name in one module. */
  static final class VariableClash extends Module {
    @Override
    protected Object forward(Object... args) {
      param("w", Initializers.zeros(), 1);
      return variable("params", "w", a -> Jnp.zeros(1)).value();
    }
  }

  @Test
  void modulesCreatedInlineBelongToTheCompactParent() {
    Map<String, Map<String, Object>> v = new InlineSequential().init(Random.key(0), x());
    // from flax 0.12.8: {'Dense_1': (4,3)/(3,), 'Dense_2': (3,2)/(2,), 'Dense_3': (4,2)/(2,)}
    assertEquals(List.of("Dense_1", "Dense_2", "Dense_3"), List.copyOf(v.get("params").keySet()));
    assertArrayEquals(new int[] {3, 2},
        ((Value) ((Map<?, ?>) v.get("params").get("Dense_2")).get("kernel")).shape().dims());
  }

  @Test
  void makeRngFoldsPathAndCounter() {
    Map<String, Map<String, Object>> v = new TwoKeys().init(Random.key(0), x());
    Tuple keys = (Tuple) new TwoKeys().apply(Map.of("params", v.get("params")),
        ApplyOptions.none().rngs(Map.of("noise", Random.key(9))), x());
    // from flax 0.12.8: key_data of the two make_rng('noise') at the root with key(9)
    assertArrayEquals(new int[] {1576455024, 673965046}, ((Array) keys.get(0)).rawInts());
    assertArrayEquals(new int[] {(int) 3715662146L, (int) 3011281633L}, ((Array) keys.get(1)).rawInts());
    assertThrows(InvalidRngError.class, () -> new TwoKeys().apply(v, x()));
  }

  @Test
  void sequentialSpreadsTupleOutputs() {
    Sequential seq = new Sequential(new CarryAndInput(), new LSTMCell(3));
    Map<String, Map<String, Object>> v = seq.init(Random.key(0), x());
    assertEquals(List.of("layers_1"), List.copyOf(v.get("params").keySet()));
    assertEquals(8, ((Map<?, ?>) v.get("params").get("layers_1")).size());
    Tuple out = (Tuple) seq.apply(v, x());
    assertArrayEquals(new int[] {2, 3}, ((Value) out.get(1)).shape().dims());
  }

  @Test
  void paramAndVariableNamesClash() {
    NameInUseError e = assertThrows(NameInUseError.class, () -> new VariableClash().init(Random.key(0), x()));
    // from flax 0.12.8
    assertTrue(e.getMessage().startsWith("Could not create variable \"w\" in Module VariableClash: Name in use."));
  }

  /** Flax: setup assigns self.a = Dense(2, name='b'). */
  static final class ExplicitNameInSetup extends Module {
    private Dense a;

    @Override
    protected void setup() {
      a = new Dense(2, "b");
    }

    @Override
    protected Object forward(Object... args) {
      return a.call((Value) args[0]);
    }
  }

  @Test
  void explicitNameWinsOverFieldNameInSetup() {
    // from flax 0.12.8: {'params': {'b': {'bias': (2,), 'kernel': (3, 2)}}}
    Map<String, Map<String, Object>> v = new ExplicitNameInSetup().init(Random.key(0), Jnp.ones(3));
    assertEquals(List.of("b"), List.copyOf(v.get("params").keySet()));
  }

  /** Flax: setup assigns mlp = Sequential([Dense(3), relu, Dense(2)]). */
  static final class SequentialInSetup extends Module {
    private Sequential mlp;

    @Override
    protected void setup() {
      UnaryOperator<Value> relu = Activations::relu;
      mlp = new Sequential(new Dense(3), relu, new Dense(2));
    }

    @Override
    protected Object forward(Object... args) {
      return mlp.call(args);
    }
  }

  @Test
  void modulesBuiltInSetupAndPassedOnAreNamedByTheirHolder() {
    Map<String, Map<String, Object>> v = new SequentialInSetup().init(Random.key(0), Jnp.ones(4));
    // from flax 0.12.8: {'mlp': {'layers_0': ..., 'layers_2': ...}}
    assertEquals(List.of("mlp"), List.copyOf(v.get("params").keySet()));
    assertEquals(List.of("layers_0", "layers_2"), List.copyOf(((Map<?, ?>) v.get("params").get("mlp")).keySet()));
    assertArrayEquals(new int[] {2},
        ((Value) new SequentialInSetup().apply(v, Jnp.ones(4))).shape().dims());
  }

  @Test
  void denseOnVectorAndEmptyBatch() {
    Value vec = Jnp.ones(4);
    Map<String, Map<String, Object>> v = new Dense(3).init(Random.key(0), vec);
    assertArrayEquals(new int[] {3}, ((Value) new Dense(3).apply(v, vec)).shape().dims());
    Value empty = Jnp.ones(0, 4);
    Value y = (Value) new Dense(3).apply(v, empty);
    assertArrayEquals(new int[] {0, 3}, y.shape().dims());
    // kernel key depends only on the path: the same params whatever the batch
    Map<String, Map<String, Object>> v0 = new Dense(3).init(Random.key(0), empty);
    assertArrayEquals(((Array) ((Map<?, ?>) v.get("params")).get("kernel")).rawFloats(),
        ((Array) ((Map<?, ?>) v0.get("params")).get("kernel")).rawFloats());
  }
}
