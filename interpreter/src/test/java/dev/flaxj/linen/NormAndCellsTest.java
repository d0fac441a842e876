package dev.flaxj.linen;

import static dev.flaxj.linen.LinenTesting.assertClose;
import static dev.flaxj.linen.LinenTesting.assertValues;
import static dev.flaxj.linen.LinenTesting.leaf;
import static dev.flaxj.linen.LinenTesting.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormAndCellsTest {
  @Test
  void layerNormDefaultMatchesFlax() {
    LayerNorm ln = new LayerNorm();
    Map<String, Map<String, Object>> v = ln.init(Random.key(0), x());
    assertEquals(List.of("scale", "bias"), List.copyOf(v.get("params").keySet()));
    assertValues(new float[] {1f, 1f, 1f, 1f}, new int[] {4}, leaf(v, "params", "scale"));
    // from flax 0.12.8: LayerNorm().apply(v, x)
    assertClose(new float[] {-1.341586947441101f, -0.4471955895423889f, 0.4471956789493561f,
        1.341586947441101f, -1.341586947441101f, -0.4471955895423889f, 0.44719573855400085f,
        1.341586947441101f}, new int[] {2, 4}, ln.apply(v, x()));
  }

  @Test
  void layerNormOverTwoAxesWithRandomScale() {
    Value x3 = Jnp.reshape(Jnp.sin(Jnp.arange(0, 24, 1, DType.FLOAT32)), 2, 3, 4);
    LayerNorm ln = new LayerNorm(1e-6, true, true, Initializers.zeros(), Initializers.normal(1.0),
        new int[] {1, 2}, new int[] {-1}, null);
    Map<String, Map<String, Object>> v = ln.init(Random.key(4), x3);
    // from flax 0.12.8: LayerNorm(reduction_axes=(1, 2), scale_init=normal(1.0)).init(key(4), x3)
    assertValues(new float[] {0.6291176676750183f, 0.6495029926300049f, 0.9164366126060486f,
        -0.6500995755195618f}, new int[] {4}, leaf(v, "params", "scale"));
    assertClose(new float[] {-0.030519362539052963f, 0.7422301769256592f, 1.1352715492248535f,
        -0.09834279865026474f, -0.7045634984970093f, -0.9132459163665771f, -0.40697330236434937f,
        -0.5731214880943298f, 0.8506499528884888f, 0.3474375605583191f, -0.7502745389938354f,
        0.9518798589706421f, -0.5337527990341187f, 0.3517749011516571f, 1.2558695077896118f,
        -0.5694498419761658f, -0.3064618706703186f, -0.9519315958023071f, -1.0630037784576416f,
        -0.09680606424808502f, 0.7911470532417297f, 0.7447922825813293f, -0.0748753473162651f,
        0.8440199494361877f}, new int[] {2, 3, 4}, ln.apply(v, x3));
  }

  @Test
  void simpleCellMatchesFlax() {
    SimpleCell cell = new SimpleCell(3);
    Value h0 = cell.initializeCarry(Random.key(5), 2, 4);
    assertValues(new float[6], new int[] {2, 3}, h0);
    Map<String, Map<String, Object>> v = cell.init(Random.key(0), h0, x());
    assertEquals(List.of("i", "h"), List.copyOf(v.get("params").keySet()));
    assertEquals(List.of("kernel"), List.copyOf(((Map<?, ?>) v.get("params").get("h")).keySet()));
    // from flax 0.12.8: SimpleCell(3).init(key(0), h0, x)
    assertValues(new float[] {-0.1191280335187912f, -0.42862436175346375f, 0.10978974401950836f,
        0.483868271112442f, -0.24677598476409912f, -0.5772477984428406f, -0.6523494124412537f,
        0.7429023385047913f, 0.09543655812740326f, -0.4398145079612732f, 0.7617647647857666f,
        -0.11941839754581451f}, new int[] {4, 3}, leaf(v, "params", "i", "kernel"));
    assertClose(new float[] {-0.7677303552627563f, -0.5092451572418213f, -0.38892099261283875f,
        0.17086392641067505f, -0.7476757764816284f, 0.6417058706283569f, 0.6175724267959595f,
        -0.42620447278022766f, -0.6610249876976013f}, new int[] {3, 3}, leaf(v, "params", "h", "kernel"));
    Value h1 = (Value) ((Tuple) cell.apply(v, h0, x())).get(0);
    Tuple step2 = (Tuple) cell.apply(v, h1, Jnp.multiply(x(), 2));
    // from flax 0.12.8: h2 after steps on x and x * 2
    assertClose(new float[] {0.06770255416631699f, 0.09659716486930847f, 0.16101916134357452f,
        -0.3497440814971924f, 0.6404305696487427f, 0.2027658075094223f}, new int[] {2, 3}, step2.get(0));
  }

  @Test
  void gruCellMatchesFlax() {
    GRUCell cell = new GRUCell(3);
    Value h0 = cell.initializeCarry(Random.key(5), 2, 4);
    Map<String, Map<String, Object>> v = cell.init(Random.key(0), h0, x());
    assertEquals(List.of("ir", "hr", "iz", "hz", "in", "hn"), List.copyOf(v.get("params").keySet()));
    assertEquals(List.of("kernel"), List.copyOf(((Map<?, ?>) v.get("params").get("hz")).keySet()));
    // from flax 0.12.8: GRUCell(3).init(key(0), h0, x)
    assertValues(new float[] {-0.8821064829826355f, 0.08125286549329758f, -0.3772853910923004f,
        0.11902397125959396f, 0.49555811285972595f, 0.3758028745651245f, 0.1589614450931549f,
        -0.5314699411392212f, -0.425272673368454f, 0.1700487732887268f, 0.14343306422233582f,
        0.7984226942062378f}, new int[] {4, 3}, leaf(v, "params", "in", "kernel"));
    assertClose(new float[] {0.45710527896881104f, 0.846113920211792f, 0.27412793040275574f,
        0.6921382546424866f, -0.14483731985092163f, -0.7070833444595337f, -0.5585690140724182f,
        0.5129459500312805f, -0.6518336534500122f}, new int[] {3, 3}, leaf(v, "params", "hn", "kernel"));
    assertValues(new float[3], new int[] {3}, leaf(v, "params", "hn", "bias"));
    Value h1 = (Value) ((Tuple) cell.apply(v, h0, x())).get(0);
    Tuple step2 = (Tuple) cell.apply(v, h1, Jnp.multiply(x(), 2));
    // from flax 0.12.8: h2 after steps on x and x * 2
    assertClose(new float[] {0.27885350584983826f, -0.06388463079929352f, 0.09457531571388245f,
        0.043751172721385956f, 0.019580472260713577f, 0.3364332914352417f}, new int[] {2, 3}, step2.get(0));
  }

  @Test
  void carryOfScalarInputShapeIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new GRUCell(3).initializeCarry(Random.key(0)));
  }
}
