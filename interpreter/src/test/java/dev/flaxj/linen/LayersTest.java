package dev.flaxj.linen;

import static dev.flaxj.linen.LinenTesting.assertClose;
import static dev.flaxj.linen.LinenTesting.assertValues;
import static dev.flaxj.linen.LinenTesting.leaf;
import static dev.flaxj.linen.LinenTesting.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaxj.array.Value;
import dev.flaxj.errors.InvalidRngError;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.nn.Activations;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class LayersTest {
  @Test
  void dropoutUsesTheDropoutStream() {
    Value ones = Jnp.ones(2, 5);
    Object y = new Dropout(0.5, false).apply(Map.of(),
        ApplyOptions.none().rngs(Map.of("dropout", Random.key(3))), ones);
    // from flax 0.12.8: Dropout(0.5, deterministic=False).apply({}, ones((2,5)), rngs={'dropout': key(3)})
    assertValues(new float[] {2f, 2f, 0f, 2f, 0f, 0f, 0f, 2f, 0f, 2f}, new int[] {2, 5}, y);
  }

  @Test
  void dropoutDeterministicAndErrors() {
    Value ones = Jnp.ones(2, 5);
    assertSame(ones, new Dropout(0.5, true).apply(Map.of(), ones));
    assertSame(ones, new Dropout(0.5).apply(Map.of(),
        ApplyOptions.none().method((m, a) -> ((Dropout) m).call((Value) a[0], true)), ones));
    assertThrows(InvalidRngError.class, () -> new Dropout(0.5, false).apply(Map.of(), ones));
    IllegalArgumentException neither =
        assertThrows(PyValueError.class, () -> new Dropout(0.5).apply(Map.of(), ones));
    assertEquals("Parameter \"deterministic\" must be passed to the constructor or at call time.",
        neither.getMessage());
    Value zeros = (Value) new Dropout(1.0, false).apply(Map.of(), ones);
    assertValues(new float[10], new int[] {2, 5}, zeros);
  }

  @Test
  void sequentialNamesModuleLayersByIndex() {
    UnaryOperator<Value> relu = Activations::relu;
    Sequential seq = new Sequential(new Dense(3), relu, new Dense(2));
    Map<String, Map<String, Object>> v = seq.init(Random.key(2), x());
    assertEquals(List.of("layers_0", "layers_2"), List.copyOf(v.get("params").keySet()));
    // from flax 0.12.8: Sequential([Dense(3), relu, Dense(2)]).init(key(2), x)
    assertValues(new float[] {-0.051588624715805054f, 0.15071015059947968f, -0.24352245032787323f,
        0.21518374979496002f, 0.38146159052848816f, 0.3680650293827057f, -0.282296746969223f,
        0.667797863483429f, -0.3856794536113739f, 0.49462535977363586f, -0.13506382703781128f,
        -0.7161354422569275f}, new int[] {4, 3}, leaf(v, "params", "layers_0", "kernel"));
    assertValues(new float[] {-0.011325524188578129f, 0.46265891194343567f, -0.04355897009372711f,
        0.08512479811906815f, 0.037792645394802094f, 0.607585072517395f}, new int[] {3, 2},
        leaf(v, "params", "layers_2", "kernel"));
    // from flax 0.12.8: seq.apply(v, x)
    assertClose(new float[] {0.001428979099728167f, 0.023405080661177635f, -0.012063568457961082f,
        0.09011176228523254f}, new int[] {2, 2}, seq.apply(v, x()));
    assertTrue(seq.scope() == null, "init and apply work on copies");
  }

  @Test
  void emptySequentialAndBadDenseInput() {
    assertThrows(PyValueError.class, () -> new Sequential().init(Random.key(0), x()));
    assertThrows(IllegalArgumentException.class, () -> new Dense(2).init(Random.key(0), Jnp.ones()));
  }
}
