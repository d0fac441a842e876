package dev.flaxj.linen;

import static dev.flaxj.linen.LinenTesting.assertClose;
import static dev.flaxj.linen.LinenTesting.assertValues;
import static dev.flaxj.linen.LinenTesting.leaf;
import static dev.flaxj.linen.LinenTesting.x;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.flaxj.array.Value;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LSTMCellTest {
  @Test
  void initialParamsAndTwoStepsMatchFlax() {
    LSTMCell cell = new LSTMCell(3);
    Tuple carry = cell.initializeCarry(Random.key(5), 2, 4);
    // from flax 0.12.8: zero carries of shape (2, 3)
    assertValues(new float[6], new int[] {2, 3}, carry.get(0));
    assertValues(new float[6], new int[] {2, 3}, carry.get(1));

    Map<String, Map<String, Object>> v = cell.init(Random.key(0), carry, x());
    Map<String, Object> p = v.get("params");
    assertEquals(List.of("ii", "hi", "if", "hf", "ig", "hg", "io", "ho"), List.copyOf(p.keySet()));
    for (String g : List.of("ii", "if", "ig", "io")) {
      assertEquals(List.of("kernel"), List.copyOf(((Map<?, ?>) p.get(g)).keySet()));
    }
    // from flax 0.12.8: LSTMCell(3).init(key(0), carry, x)
    assertValues(new float[] {-0.32001760601997375f, 0.8591873049736023f, -0.5098915696144104f,
        -0.11801972985267639f, -0.3594910204410553f, 0.12459871172904968f, 0.7079579830169678f,
        -0.4409526288509369f, 0.21631890535354614f, 1.0843955278396606f, -0.6551850438117981f,
        0.7566112279891968f}, new int[] {4, 3}, leaf(v, "params", "ii", "kernel"));
    assertValues(new float[] {-0.31052207946777344f, 0.37992456555366516f, -0.10946617275476456f,
        -0.48890191316604614f, -1.0778839588165283f, 0.28999656438827515f, 0.18963240087032318f,
        -0.17643053829669952f, 0.4832785427570343f, -0.6901794672012329f, -0.8121364116668701f,
        -0.6908769607543945f}, new int[] {4, 3}, leaf(v, "params", "io", "kernel"));
    // orthogonal recurrent kernels: the float32 qr kernel repeats JAX's LAPACK bit for bit
    assertValues(new float[] {0.706945538520813f, 0.6740114092826843f, 0.21432797610759735f,
        -0.5433412790298462f, 0.32355907559394836f, 0.7746545672416687f, 0.45277827978134155f,
        -0.6640918850898743f, 0.5949569344520569f}, new int[] {3, 3}, leaf(v, "params", "hi", "kernel"));
    assertValues(new float[] {-0.6511369943618774f, -0.22526203095912933f, 0.7247605919837952f,
        -0.36345285177230835f, -0.7457718253135681f, -0.5583245158195496f, 0.6662753820419312f,
        -0.626961886882782f, 0.4037275016307831f}, new int[] {3, 3}, leaf(v, "params", "ho", "kernel"));
    assertValues(new float[3], new int[] {3}, leaf(v, "params", "hg", "bias"));

    Tuple step1 = (Tuple) cell.apply(v, carry, x());
    Tuple c1 = (Tuple) step1.get(0);
    assertSame(c1.get(1), step1.get(1));
    // from flax 0.12.8: cell.apply(v, carry, x)
    assertClose(new float[] {0.10098423808813095f, 0.07421580702066422f, -0.10095039755105972f,
        -0.10095889121294022f, 0.08708200603723526f, 0.12837523221969604f}, new int[] {2, 3}, c1.get(0));
    assertClose(new float[] {0.05463750287890434f, 0.03924567624926567f, -0.048456888645887375f,
        -0.04164185747504234f, 0.031671810895204544f, 0.06114770099520683f}, new int[] {2, 3}, c1.get(1));
    Tuple step2 = (Tuple) cell.apply(v, c1, Jnp.multiply(x(), 2));
    // from flax 0.12.8: cell.apply(v, c1, x * 2)[1]
    assertClose(new float[] {0.13115298748016357f, 0.07605335116386414f, -0.12280245870351791f,
        -0.09727742522954941f, 0.03972014784812927f, 0.15546032786369324f}, new int[] {2, 3},
        (Value) step2.get(1));
  }
}
