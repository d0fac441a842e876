package dev.flaxj.linen;

import static dev.flaxj.linen.LinenTesting.assertClose;
import static dev.flaxj.linen.LinenTesting.assertValues;
import static dev.flaxj.linen.LinenTesting.leaf;
import static dev.flaxj.linen.LinenTesting.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Array;
import dev.flaxj.array.DType;
import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Index;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenseGeneralEmbedTest {
  private static Value x3() {
    return Jnp.reshape(Jnp.sin(Jnp.arange(0, 24, 1, DType.FLOAT32)), 2, 3, 4);
  }

  @Test
  void denseGeneralOverTwoAxes() {
    DenseGeneral dg = new DenseGeneral(new int[] {2}, new int[] {-2, -1});
    Map<String, Map<String, Object>> v = dg.init(Random.key(0), x3());
    // from flax 0.12.8: DenseGeneral(features=(2,), axis=(-2, -1)).init(key(0), x3); fan_in 12
    assertValues(new float[] {0.023849356919527054f, -0.4761416018009186f, -0.4928443133831024f,
        0.2214163839817047f, 0.35111144185066223f, 0.26509326696395874f, 0.05271252244710922f,
        0.2671353220939636f, 0.26535430550575256f, -0.07219311594963074f, 0.354265958070755f,
        0.19997908174991608f, -0.2699127197265625f, 0.1552911251783371f, 0.6228010654449463f,
        -0.5576902627944946f, 0.12549909949302673f, 0.1882961243391037f, 0.4841836392879486f,
        -0.5170638561248779f, 0.15530379116535187f, -0.2221333533525467f, -0.012225623242557049f,
        -0.2822926938533783f}, new int[] {3, 4, 2}, leaf(v, "params", "kernel"));
    assertClose(new float[] {0.10748559236526489f, 0.294483482837677f, 0.5699156522750854f,
        0.39330101013183594f}, new int[] {2, 2}, dg.apply(v, x3()));
  }

  @Test
  void denseGeneralWithBatchDims() {
    DenseGeneral dg = new DenseGeneral(new int[] {2, 2}, new int[] {-1}, new int[] {0}, true,
        Initializers.lecunNormal(), Initializers.normal(1.0), null);
    Map<String, Map<String, Object>> v = dg.init(Random.key(1), x3());
    // from flax 0.12.8: DenseGeneral((2, 2), axis=-1, batch_dims=(0,), bias_init=normal(1.0)).init(key(1), x3)
    assertValues(new float[] {-0.5311621427536011f, -1.1070624589920044f, 0.8572221994400024f,
        -1.5667158365249634f, 1.3381236791610718f, 1.6371430158615112f, 0.3312523365020752f,
        -0.2493162900209427f}, new int[] {2, 2, 2}, leaf(v, "params", "bias"));
    Value kernel = leaf(v, "params", "kernel");
    assertEquals(List.of(2, 4, 2, 2), java.util.Arrays.stream(kernel.shape().dims()).boxed().toList());
    assertEquals(0.585889995098114f, ((Array) kernel).rawFloats()[0]);
    assertEquals(-0.0259158443659544f, ((Array) kernel).rawFloats()[31]);
    assertClose(new float[] {-1.089638590812683f, -1.0644078254699707f, 0.9073148369789124f,
        -1.7364407777786255f, -0.33061251044273376f, -1.3393605947494507f, 0.21994811296463013f,
        -2.0369811058044434f, -0.23486170172691345f, -0.8460366725921631f, 1.6402299404144287f,
        -0.7822190523147583f, 1.2314186096191406f, 2.061859369277954f, 0.6458189487457275f,
        -0.4770578145980835f, 1.503160834312439f, 1.8120598793029785f, 0.01827731728553772f,
        0.3431328535079956f, 1.2290778160095215f, 0.9837601184844971f, 0.42583394050598145f,
        -0.7960759997367859f}, new int[] {2, 3, 2, 2}, dg.apply(v, x3()));
    assertThrows(PyValueError.class,
        () -> new DenseGeneral(new int[] {2}, new int[] {-1}, new int[] {1}, true,
            Initializers.lecunNormal(), Initializers.zeros(), null));
  }

  @Test
  void embedCreatesItsTableInSetup() {
    Embed e = new Embed(5, 3);
    Value ids = Array.of(new int[] {0, 4, 2, 2}, 2, 2);
    Map<String, Map<String, Object>> v = e.init(Random.key(0), ids);
    float[] table = {0.04396089166402817f, -0.9328513145446777f, -0.9732811450958252f,
        0.41147124767303467f, 0.6633475422859192f, 0.49469155073165894f, 0.09719623625278473f,
        0.49861377477645874f, 0.4951927661895752f, -0.13316601514816284f, 0.6697021722793579f,
        0.37101951241493225f, -0.503953218460083f, 0.28731900453567505f, 1.4369921684265137f};
    // from flax 0.12.8: Embed(5, 3).init(key(0), ids)
    assertValues(table, new int[] {5, 3}, leaf(v, "params", "embedding"));
    assertValues(new float[] {table[0], table[1], table[2], table[12], table[13], table[14],
        table[6], table[7], table[8], table[6], table[7], table[8]}, new int[] {2, 2, 3}, e.apply(v, ids));
    // from flax 0.12.8: e.apply(v, ones((2, 3)), method=e.attend)
    assertClose(new float[] {-1.8621716499328613f, 1.5695104598999023f, 1.0910027027130127f,
        0.9075556993484497f, 1.220357894897461f, -1.8621716499328613f, 1.5695104598999023f,
        1.0910027027130127f, 0.9075556993484497f, 1.220357894897461f}, new int[] {2, 5},
        e.apply(v, ApplyOptions.none().method((m, a) -> ((Embed) m).attend((Value) a[0])), Jnp.ones(2, 3)));
    assertThrows(PyValueError.class, () -> e.apply(v, x()));
  }

  /** Flax: one Dense(2) applied twice (shared weights) to x[:, :2]. */
  static final class Nest extends Module {
    Nest() {}

    Nest(String name) {
      super(name);
    }

    @Override
    protected Object forward(Object... args) {
      Dense d = new Dense(2);
      Value first = Jnp.index((Value) args[0], Index.slice(null, null), Index.slice(null, 2));
      return d.call(d.call(first));
    }
  }

  /** Flax: Nest()(x) + Nest(name='second')(x). */
  static final class Outer extends Module {
    @Override
    protected Object forward(Object... args) {
      Value x = (Value) args[0];
      return Jnp.add((Value) new Nest().call(x), (Value) new Nest("second").call(x));
    }
  }

  @Test
  void nestedModulesAndSharedSubmodule() {
    Map<String, Map<String, Object>> v = new Outer().init(Random.key(7), x());
    assertEquals(List.of("Nest_0", "second"), List.copyOf(v.get("params").keySet()));
    assertEquals(List.of("Dense_0"), List.copyOf(((Map<?, ?>) v.get("params").get("second")).keySet()));
    // from flax 0.12.8: Outer().init(key(7), x)
    assertValues(new float[] {0.9609349966049194f, -0.8739925622940063f, 0.8066332936286926f,
        -0.33222517371177673f}, new int[] {2, 2}, leaf(v, "params", "Nest_0", "Dense_0", "kernel"));
    assertValues(new float[] {-0.7049041986465454f, -0.950839638710022f, 1.115592360496521f,
        0.20223693549633026f}, new int[] {2, 2}, leaf(v, "params", "second", "Dense_0", "kernel"));
    assertClose(new float[] {0.11436320841312408f, 0.3443530201911926f, -0.04527220129966736f,
        -0.330046683549881f}, new int[] {2, 2}, new Outer().apply(v, x()));
  }
}
